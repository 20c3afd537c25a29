/// Long descriptions and examples of the commands that were written before help existed, by command
/// path (`"create deployment"`). A command's own `long`/`example` in its `CommandSpec` take precedence,
/// so new commands carry their texts themselves. Every example is a command that works against
/// kubectl-local (the help tests run them on a fresh store with `pod.yaml` present).
enum HelpTexts {
    static let long: [String: String] = [
        "": """
            kubectl-local controls a local, offline, file-backed Kubernetes object store.

             It speaks kubectl v1.32's commands, flags and output; objects live in one SQLite file (--store, or $KUBECTL_LOCAL_STORE).
            """,
        "get": """
            Show one or many objects.

             Prints a table of the objects of the given types, or the objects themselves with -o json|yaml|name|jsonpath=...|go-template=.... Filter with -l (labels) and --field-selector; namespaced types are read from the current namespace unless -n or -A is given.

            "kubectl api-resources" lists every type the store knows.
            """,
        "describe": """
            Show details of an object or group of objects.

             Prints a readable description of each object, with related objects and events. With a name prefix, every object whose name starts with it is described.

            "kubectl api-resources" lists every type the store knows.
            """,
        "create": """
            Create objects from files or standard input.

             JSON and YAML are accepted; a file may hold several documents or a List.
            """,
        "delete": """
            Delete objects by file name, type and name, or selector.

             Objects owned by a deleted object are deleted after it (--cascade=background), before it (foreground) or kept (orphan). Deleting a namespace deletes everything in it.
            """,
        "label": """
            Update the labels on an object.

             Keys and values are at most 63 characters each: letters and digits at both ends, with dashes, underscores and dots allowed in between (a key may carry a DNS-subdomain prefix and a slash). Use --overwrite to change an existing label; KEY- removes a label.
            """,
        "annotate": """
            Update the annotations on an object.

             Annotations are key/value pairs of any text. Use --overwrite to change an existing annotation; KEY- removes one.
            """,
        "config": """
            Show or change the kubeconfig: clusters, users and the contexts that pair them.

             Each cluster is its own local store; the context "local" uses the default store, and a new cluster's store is made and seeded the first time a command uses it.
            """,
        "completion": """
            Print the shell completion script for bash, zsh, fish or powershell.

             Completion covers commands, flags and their values, resource types, and the names of objects read from the store.
            """,
        "options": "Print the list of flags inherited by all commands",
    ]

    static let examples: [String: String] = [
        "get": """
            # List the pods of the current namespace
            kubectl get pods

            # List pods with their node and IP
            kubectl get pods -o wide

            # Show one deployment as YAML
            kubectl get deployment web -o yaml

            # List deployments and services of every namespace
            kubectl get deployments,services -A

            # Print the names of pods labelled app=web
            kubectl get pods -l app=web -o name

            # List pods with all their labels
            kubectl get pods --show-labels

            # Show the objects described in a file
            kubectl get -f pod.yaml
            """,
        "describe": """
            # Describe a node
            kubectl describe nodes node-1

            # Describe a deployment
            kubectl describe deployment/web

            # Describe every pod whose name starts with "web"
            kubectl describe pods web

            # Describe the objects of a file
            kubectl describe -f pod.yaml
            """,
        "create": """
            # Create the objects in a file
            kubectl create -f pod.yaml

            # Create from standard input
            cat pod.yaml | kubectl create -f -

            # Print what would be created, without creating it
            kubectl create -f pod.yaml --dry-run=client -o yaml
            """,
        "create deployment": """
            # Create a deployment of nginx
            kubectl create deployment web --image=nginx

            # Create a deployment with three replicas and a container port
            kubectl create deployment api --image=nginx --replicas=3 --port=80

            # Print the deployment as YAML without creating it
            kubectl create deployment web --image=nginx --dry-run=client -o yaml
            """,
        "create namespace": """
            # Create a namespace
            kubectl create namespace dev
            """,
        "create configmap": """
            # Create a config map from literal values
            kubectl create configmap app-config --from-literal=mode=dev --from-literal=level=debug
            """,
        "create secret generic": """
            # Create a secret from literal values
            kubectl create secret generic db-pass --from-literal=password=s3cret
            """,
        "create service clusterip": """
            # Create a ClusterIP service for port 80
            kubectl create service clusterip web --tcp=80:8080
            """,
        "create job": """
            # Create a job that runs a command
            kubectl create job hello --image=busybox -- echo hello
            """,
        "create cronjob": """
            # Create a cron job running every five minutes
            kubectl create cronjob ping --image=busybox --schedule='*/5 * * * *' -- date
            """,
        "delete": """
            # Delete the objects of a file
            kubectl delete -f pod.yaml

            # Delete a deployment (its replica sets and pods go with it)
            kubectl delete deployment web

            # Delete pods labelled app=web
            kubectl delete pods -l app=web

            # Delete every config map of the current namespace
            kubectl delete configmaps --all
            """,
        "label": """
            # Add a label to a deployment
            kubectl label deployment web tier=frontend

            # Change an existing label
            kubectl label deployment web tier=backend --overwrite

            # Label every pod of the namespace
            kubectl label pods --all env=dev

            # Remove a label
            kubectl label deployment web tier-
            """,
        "annotate": """
            # Add an annotation to a deployment
            kubectl annotate deployment web owner='team a'

            # Change an existing annotation
            kubectl annotate deployment web owner=team-b --overwrite

            # Remove an annotation
            kubectl annotate deployment web owner-
            """,
        "api-resources": """
            # List every resource type
            kubectl api-resources

            # List resource types of the apps group, with verbs
            kubectl api-resources --api-group=apps -o wide

            # List the cluster-scoped types
            kubectl api-resources --namespaced=false
            """,
        "api-versions": """
            # List the API versions
            kubectl api-versions
            """,
        "version": """
            # Print the client and server versions
            kubectl version

            # Print the client version as JSON
            kubectl version --client -o json
            """,
        "config view": """
            # Show the configuration
            kubectl config view
            """,
        "config current-context": """
            # Print the current context
            kubectl config current-context
            """,
        "config get-contexts": """
            # List the contexts
            kubectl config get-contexts
            """,
        "config set-context": """
            # Make kube-system the namespace of the current context
            kubectl config set-context --current --namespace=kube-system
            """,
        "config use-context": """
            # Work in the default store's context from now on
            kubectl config use-context local
            """,
        "completion": """
            # Load completion into the current bash shell
            source <(kubectl-local completion bash)

            # Load completion into the current zsh shell
            source <(kubectl-local completion zsh)

            # Load completion into fish
            kubectl-local completion fish | source

            # Write the bash completion to a file loaded by bash-completion
            kubectl-local completion bash > ~/.local/share/bash-completion/completions/kubectl-local
            """,
        "options": """
            # Print the flags inherited by all commands
            kubectl options
            """,
    ]
}
