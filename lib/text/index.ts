// Review text tools for informal Brazilian Portuguese.
export * from "./normalize.js";
export * from "./stopwords.js";
export * from "./tokenize.js";
export * from "./lexicon.js";
export * from "./match.js";
export * from "./sentiment.js";
export * from "./themes.js";
export * from "./distinctive.js";
export * from "./auc.js";
