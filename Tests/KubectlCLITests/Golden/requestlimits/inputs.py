# Writes the inputs of the cases into the directory given (the recording and the replay make the same
# files): a JSON merge patch and a ConfigMap, each a little over the API server's 3 MiB body limit.
import json, sys
d = sys.argv[1]
json.dump({"data": {"k": "x" * (3 * 1024 * 1024)}}, open(d + "/bigpatch.json", "w"))
open(d + "/bigcm.yaml", "w").write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: " + "y" * (3 * 1024 * 1024) + "\n")
