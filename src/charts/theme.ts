// Light-theme values of the CSS variables the components use (Framework's "air" theme). Outside a Framework page
// nothing defines these variables: the standalone SVG files get them substituted (loaders/charts/render.ts), and
// an exported module sets them on its wrapper element (src/embed/embed-chart.ts).
export const LIGHT_THEME: Record<string, string> = {
  "--theme-foreground": "#1b1e23",
  "--theme-foreground-focus": "#3b5fc0",
  "--theme-foreground-muted": "#6d6d6d",
  "--theme-foreground-faint": "#a0a0a0",
  "--theme-foreground-faintest": "#ececec",
  "--theme-background": "#ffffff",
  "--theme-background-alt": "#f4f4f5"
};
