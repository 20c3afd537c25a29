# Builds a case's response.json (the API server's 422 Status) from kubectl-local's refusal on stderr:
# `The KIND "NAME" is invalid: FIELD: MESSAGE` or the `* FIELD: MESSAGE` list. Usage: make-response.py GROUP < stderr
import json, re, sys
group = sys.argv[1]
text = sys.stdin.read()
m = re.match(r'The (\w+) "([^"]*)" is invalid: (.*)', text, re.S)
kind, name, rest = m.group(1), m.group(2), m.group(3)
# A cause's message may span lines (CEL compile errors): causes start at "\n* ".
lines = rest.rstrip("\n").split("\n* ")[1:] if rest.startswith("\n* ") else [rest.rstrip("\n")]
reasons = {"Required value": "FieldValueRequired", "Invalid value": "FieldValueInvalid", "Unsupported value": "FieldValueNotSupported",
           "Forbidden": "FieldValueForbidden", "Duplicate value": "FieldValueDuplicate", "Too many": "FieldValueTooMany"}
causes = []
for l in lines:
    field, msg = l.split(": ", 1)
    reason = next(v for k, v in reasons.items() if msg.startswith(k))
    causes.append({"reason": reason, "message": msg, "field": field})
qualified = kind + ("." + group if group else "")
message = '%s "%s" is invalid: ' % (qualified, name) + (lines[0] if len(lines) == 1 else "[" + ", ".join(lines) + "]")
details = {"name": name, "kind": kind, "causes": causes}
if group: details["group"] = group
print(json.dumps({"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure", "message": message,
                  "reason": "Invalid", "details": details, "code": 422}))
