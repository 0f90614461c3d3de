#!/usr/bin/python3
"""Optional anchor for bench/ml-bench.ts: trains XGBoost (hist) on the CSVs that
`npx tsx bench/ml-bench.ts --export DIR` writes, with the same hyper-parameters, and prints
one JSON object with test AUC and training time.

Run with Debian's interpreter (apt-get install python3-xgboost python3-sklearn python3-pandas):
    /usr/bin/python3 bench/python/xgboost_compare.py DIR [--threads N] [--ordinal]
--ordinal treats categorical codes as numbers instead of native categorical splits.
"""
import json
import os
import sys
import time

import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score


def load(path, categorical, categories, ordinal):
    df = pd.read_csv(path)
    y = df.pop("label").to_numpy()
    if not ordinal:
        for name in categorical:
            df[name] = pd.Categorical(df[name], categories=categories[name])
    return df, y


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    folder = args[0]
    threads = int(args[args.index("--threads") + 1]) if "--threads" in args else 1
    ordinal = "--ordinal" in args
    params = json.load(open(f"{folder}/params.json"))
    categorical = params["categorical"]
    train_raw = pd.read_csv(f"{folder}/train.csv", usecols=categorical)
    categories = {c: sorted(train_raw[c].dropna().unique()) for c in categorical}
    x_train, y_train = load(f"{folder}/train.csv", categorical, categories, ordinal)
    x_test, y_test = load(f"{folder}/test.csv", categorical, categories, ordinal)
    booster_params = {
        "objective": "binary:logistic",
        "tree_method": "hist",
        "max_depth": params["maxDepth"],
        "eta": params["learningRate"],
        "max_bin": params["maxBins"] + 1,
        "lambda": params["lambda"],
        "gamma": params["gamma"],
        "min_child_weight": params["minChildWeight"],
        "subsample": params["subsample"],
        "colsample_bytree": params["colsampleByTree"],
        "max_cat_to_onehot": params.get("maxCatOneHot", 4),
        "nthread": threads,
        "seed": params.get("seed", 0),
    }
    started = time.perf_counter()
    cpu_started = time.process_time()
    dtrain = xgb.DMatrix(x_train, label=y_train, enable_categorical=not ordinal, nthread=threads)
    booster = xgb.train(booster_params, dtrain, num_boost_round=params["numRounds"])
    train_s = time.perf_counter() - started
    train_cpu_s = time.process_time() - cpu_started
    dtest = xgb.DMatrix(x_test, enable_categorical=not ordinal, nthread=threads)
    margin = booster.predict(dtest, output_margin=True)
    print(json.dumps({
        "library": f"xgboost {xgb.__version__}",
        "threads": threads,
        "categorical": "ordinal" if ordinal else "native",
        "rows": int(len(y_train)),
        "trees": params["numRounds"],
        "trainWallS": round(train_s, 2),
        "trainCpuS": round(train_cpu_s, 2),
        "loadAvg1m": round(os.getloadavg()[0], 2),
        "testAuc": round(float(roc_auc_score(y_test, margin)), 4),
        "testPrAuc": round(float(average_precision_score(y_test, margin)), 4),
    }))


if __name__ == "__main__":
    main()
