// RFM scores and segments, k-means clustering, cluster descriptions and segment movement.
export * from "./rfm.js";
export * from "./rules.js";
export * from "./kmeans.js";
export * from "./metrics.js";
export * from "./describe.js";
export * from "./transitions.js";
