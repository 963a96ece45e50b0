// Customer lifetime value: BG/NBD purchases × Gamma-Gamma spend (see the individual modules).
export * from "./bgnbd.js";
export * from "./gammagamma.js";
export * from "./clv.js";
export * from "./calibration.js";
export * from "./summary.js";
export {hyp2f1, lgamma, lbeta, logSumExp} from "./special.js";
