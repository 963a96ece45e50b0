"""The churn benchmark's peer learners, one thread each, on the snapshots that loaders/bench/churn.ts exports.

Usage: OMP_NUM_THREADS=1 /usr/bin/python3 churn_peers.py DIR REPEATS
DIR holds training.csv and evaluation.csv (encoded features, then `churned`; empty cell = missing) and
params.json (our chosen settings). Prints one JSON object per line: name, peer_of, fit_seconds, roc_auc, settings.
Fit time is the median of REPEATS fits and counts what the learner needs from the arrays: XGBoost's DMatrix and
training, sklearn's fit (with the imputation and scaling the learner needs). ROC-AUC is on the evaluation
snapshot, churn as the positive class.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import sklearn
import xgboost as xgb
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

# A value below every feature: sklearn 1.2's random forest does not take NaN, and a sentinel lets a split send
# missing values to one side, as our trees' default directions do.
MISSING = -1e9

directory = sys.argv[1]
repeats = int(sys.argv[2])
params = json.load(open(f"{directory}/params.json"))
train = pd.read_csv(f"{directory}/training.csv")
evaluation = pd.read_csv(f"{directory}/evaluation.csv")
X = train.drop(columns="churned").to_numpy(dtype=np.float64)
y = train["churned"].to_numpy()
Xe = evaluation.drop(columns="churned").to_numpy(dtype=np.float64)
ye = evaluation["churned"].to_numpy()


def balanced(labels):
    """Per-row weights n / (2 n_class), as lib/ml's "balanced" class weights."""
    n = len(labels)
    positives = labels.sum()
    return np.where(labels == 1, n / (2 * positives), n / (2 * (n - positives)))


def timed(fit):
    """The median wall time of `repeats` calls of fit(), and the last call's result."""
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = fit()
        seconds.append(time.perf_counter() - started)
    return float(np.median(seconds)), result


def report(name, peer_of, fit_seconds, scores, settings):
    print(json.dumps({"name": name, "peer_of": peer_of, "fit_seconds": round(fit_seconds, 3),
                      "roc_auc": round(float(roc_auc_score(ye, scores)), 5), "settings": settings}), flush=True)


g = params["gbdt"]
weights = balanced(y) if g["classWeights"] == "balanced" else None
w = np.ones(len(y)) if weights is None else weights
prior = float((w * y).sum() / w.sum())

fit, booster = timed(lambda: xgb.train(
    {"tree_method": "hist", "nthread": 1, "objective": "binary:logistic", "max_bin": 256, "seed": g["seed"],
     "max_depth": g["maxDepth"], "eta": g["learningRate"], "subsample": g["subsample"],
     "colsample_bytree": g["colsampleByTree"], "min_child_weight": g["minChildWeight"], "lambda": g["lambda"],
     "base_score": prior},
    xgb.DMatrix(X, y, weight=weights), num_boost_round=g["nRounds"]))
report("XGBoost hist", "GBDT", fit, booster.predict(xgb.DMatrix(Xe)),
       f"xgboost {xgb.__version__}, our depth, learning rate, rounds, row/column subsampling, min child weight, L2")

fit, hgb = timed(lambda: HistGradientBoostingClassifier(
    max_iter=g["nRounds"], learning_rate=g["learningRate"], max_depth=g["maxDepth"], max_leaf_nodes=None,
    l2_regularization=g["lambda"], early_stopping=False, random_state=g["seed"]).fit(X, y, sample_weight=weights))
report("sklearn HistGradientBoosting", "GBDT", fit, hgb.predict_proba(Xe)[:, 1],
       f"sklearn {sklearn.__version__}, our depth, learning rate, rounds, L2; no subsampling, 20 rows per leaf")

f = params["forest"]
fit, forest = timed(lambda: RandomForestClassifier(
    n_estimators=f["nTrees"], max_depth=f["maxDepth"], min_samples_leaf=f["minSamplesLeaf"], max_features="sqrt",
    class_weight="balanced", n_jobs=1, random_state=f["seed"]).fit(np.nan_to_num(X, nan=MISSING), y))
report("sklearn RandomForest", "Random forest", fit, forest.predict_proba(np.nan_to_num(Xe, nan=MISSING))[:, 1],
       f"our trees, depth, leaf size, √features per split, balanced; missing = {MISSING:g}")

lo = params["logistic"]
columns = [train.columns.get_loc(name) for name in lo["features"]]


def fit_logistic():
    Xl = X[:, columns]
    means = np.nanmean(Xl, axis=0)
    sds = np.nanstd(Xl, axis=0)
    sds[sds == 0] = 1
    model = LogisticRegression(C=1 / lo["lambda"], class_weight="balanced", max_iter=2000, tol=1e-8)
    model.fit(np.nan_to_num((Xl - means) / sds, nan=0.0), y)
    return model, means, sds


fit, (logistic, means, sds) = timed(fit_logistic)
Ze = np.nan_to_num((Xe[:, columns] - means) / sds, nan=0.0)
report("sklearn LogisticRegression", "Logistic regression", fit, logistic.predict_proba(Ze)[:, 1],
       f"lbfgs, C = 1/λ, standardised, mean-imputed, balanced, our {len(columns)} features")
