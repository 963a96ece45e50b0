// Customer lifetime value: three buy-till-you-die purchase models (BG/NBD, MBG/NBD, Pareto/NBD) × Gamma-Gamma spend,
// their diagnostics and per-customer forecasts with intervals (see the individual modules).
export * from "./bgnbd.js";
export * from "./mbgnbd.js";
export * from "./paretonbd.js";
export * from "./models.js";
export * from "./mle.js";
export * from "./gammagamma.js";
export * from "./calibration.js";
export * from "./forecast.js";
export * from "./history.js";
export * from "./uncertainty.js";
export * from "./summary.js";
export {logNegativeBinomial, negativeBinomialTail} from "./nbd.js";
export {hyp2f1, logHyp2f1, logHyp2f1Beta, lgamma, lbeta, logSumExp, scaledHyp2f1} from "./special.js";
