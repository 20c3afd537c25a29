/// Which images "exist" for the simulated image pulls. Deterministic: an unqualified name (no registry
/// host, no `user/` part) exists when it is one of Docker Hub's official images below; a name under a
/// registry host (`registry.k8s.io/pause`, `quay.io/x/y`, `localhost:5000/app`) or a user repository
/// (`luksa/kubia`) is assumed to exist. The store settings `images.available` and `images.unavailable`
/// (comma-separated repository names as written in the pod, e.g. `myapp,luksa/kubia`) add names either way.
enum ImageCatalogue {
    /// Docker Hub's official ("library/") repositories, current and deprecated ones that still pull.
    static let official: Set<String> = [
        "adminer", "aerospike", "almalinux", "alpine", "alt", "amazoncorretto", "amazonlinux", "api-firewall",
        "arangodb", "archlinux", "backdrop", "bash", "bonita", "buildpack-deps", "busybox", "caddy", "cassandra",
        "celery", "centos", "chronograf", "cirros", "clearlinux", "clefos", "clickhouse", "clojure", "composer",
        "consul", "convertigo", "couchbase", "couchdb", "crate", "dart", "debian", "django", "docker", "drupal",
        "eclipse-mosquitto", "eclipse-temurin", "eggdrop", "elasticsearch", "elixir", "emqx", "erlang",
        "express-gateway", "fedora", "flink", "fluentd", "friendica", "gazebo", "gcc", "geonetwork", "ghost",
        "glassfish", "golang", "gradle", "groovy", "haproxy", "haskell", "haxe", "hello-world", "hitch", "httpd",
        "hylang", "ibm-semeru-runtimes", "ibmjava", "influxdb", "iojs", "irssi", "java", "jenkins", "jetty",
        "jobber", "joomla", "jruby", "julia", "kaazing-gateway", "kapacitor", "kibana", "kong", "krakend",
        "lightstreamer", "liquibase", "logstash", "mageia", "mariadb", "matomo", "maven", "mediawiki",
        "memcached", "mongo", "mongo-express", "monica", "mono", "mysql", "nats", "nats-streaming", "neo4j",
        "neurodebian", "nextcloud", "nginx", "node", "notary", "odoo", "open-liberty", "openjdk", "opensuse",
        "oraclelinux", "orientdb", "owncloud", "percona", "perl", "photon", "php", "php-zendserver", "phpmyadmin",
        "plone", "postfixadmin", "postgres", "pypy", "python", "r-base", "rabbitmq", "rails", "rakudo-star",
        "redis", "redmine", "registry", "rethinkdb", "rocket.chat", "rockylinux", "ros", "ruby", "rust",
        "sapmachine", "satosa", "sentry", "silverpeas", "sl", "solr", "sonarqube", "spark", "spiped", "storm",
        "swift", "swipl", "teamspeak", "telegraf", "tomcat", "tomee", "traefik", "ubuntu", "unit", "varnish",
        "vault", "websphere-liberty", "wordpress", "xwiki", "yourls", "znc", "zookeeper",
    ]

    /// The repository part of an image reference as written (no tag, no digest).
    static func repository(_ image: String) -> String {
        var rest = Substring(image)
        if let at = rest.firstIndex(of: "@") { rest = rest[..<at] }
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") { rest = rest[..<colon] }
        return String(rest)
    }

    /// Whether pulling `image` succeeds, given the store's extra available/unavailable names.
    static func exists(_ image: String, available: Set<String>, unavailable: Set<String>) -> Bool {
        let repo = repository(image)
        var short = repo
        for prefix in ["docker.io/library/", "docker.io/", "index.docker.io/library/", "library/"] where short.hasPrefix(prefix) {
            short = String(short.dropFirst(prefix.count))
            break
        }
        if unavailable.contains(repo) || unavailable.contains(short) { return false }
        if available.contains(repo) || available.contains(short) { return true }
        if short.contains("/") { return true }
        return official.contains(short)
    }

    /// The names in a comma-separated setting.
    static func names(_ setting: String?) -> Set<String> {
        Set((setting ?? "").split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty })
    }
}
