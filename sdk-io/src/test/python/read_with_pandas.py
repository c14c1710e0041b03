"""Reads a CSV file with pandas' defaults and prints what it read as JSON: the column names, their dtypes and the
values (floats as their repr, so that the Java side can compare them bit for bit; missing values as null).

Used by PandasInteropIT: python3 read_with_pandas.py FILE
"""
import json
import math
import sys

import pandas as pd

frame = pd.read_csv(sys.argv[1])
columns = []
for name in frame.columns:
    series = frame[name]
    values = []
    for v in series.tolist():
        if isinstance(v, float):
            values.append(None if math.isnan(v) else repr(v))
        elif v is None or (not isinstance(v, str) and pd.isna(v)):
            values.append(None)
        else:
            values.append(str(v))
    columns.append({"name": name, "dtype": str(series.dtype), "values": values})
print(json.dumps({"pandas": pd.__version__, "columns": columns}))
