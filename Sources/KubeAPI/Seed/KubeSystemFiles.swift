import KubeModel

/// The configuration files kubeadm keeps in kube-system ConfigMaps (kind's values for a one-node cluster).
enum KubeSystemFiles {
    static let kubeProxyConfig = """
        apiVersion: kubeproxy.config.k8s.io/v1alpha1
        bindAddress: 0.0.0.0
        bindAddressHardFail: false
        clientConnection:
          acceptContentTypes: ""
          burst: 0
          contentType: ""
          kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
          qps: 0
        clusterCIDR: 10.244.0.0/16
        configSyncPeriod: 0s
        conntrack:
          maxPerCore: 0
          min: null
          tcpBeLiberal: false
          tcpCloseWaitTimeout: null
          tcpEstablishedTimeout: null
          udpStreamTimeout: 0s
          udpTimeout: 0s
        detectLocal:
          bridgeInterface: ""
          interfaceNamePrefix: ""
        detectLocalMode: ""
        enableProfiling: false
        healthzBindAddress: ""
        hostnameOverride: ""
        iptables:
          localhostNodePorts: null
          masqueradeAll: false
          masqueradeBit: null
          minSyncPeriod: 1s
          syncPeriod: 0s
        ipvs:
          excludeCIDRs: null
          minSyncPeriod: 0s
          scheduler: ""
          strictARP: false
          syncPeriod: 0s
          tcpFinTimeout: 0s
          tcpTimeout: 0s
          udpTimeout: 0s
        kind: KubeProxyConfiguration
        logging:
          flushFrequency: 0
          options:
            json:
              infoBufferSize: "0"
            text:
              infoBufferSize: "0"
          verbosity: 0
        metricsBindAddress: ""
        mode: iptables
        nftables:
          masqueradeAll: false
          masqueradeBit: null
          minSyncPeriod: 0s
          syncPeriod: 0s
        nodePortAddresses: null
        oomScoreAdj: null
        portRange: ""
        showHiddenMetricsForVersion: ""
        winkernel:
          enableDSR: false
          forwardHealthCheckVip: false
          networkName: ""
          rootHnsEndpointName: ""
          sourceVip: ""
        """

    static let kubeProxyKubeconfig = """
        apiVersion: v1
        kind: Config
        clusters:
        - cluster:
            certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
            server: https://node-1:6443
          name: default
        contexts:
        - context:
            cluster: default
            namespace: default
            user: default
          name: default
        current-context: default
        users:
        - name: default
          user:
            tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
        """

    static let clusterConfiguration = """
        apiServer:
          certSANs:
          - localhost
          - 127.0.0.1
          extraArgs:
          - name: runtime-config
            value: ""
        apiVersion: kubeadm.k8s.io/v1beta4
        caCertificateValidityPeriod: 87600h0m0s
        certificateValidityPeriod: 8760h0m0s
        certificatesDir: /etc/kubernetes/pki
        clusterName: kind
        controlPlaneEndpoint: node-1:6443
        controllerManager:
          extraArgs:
          - name: enable-hostpath-provisioner
            value: "true"
        dns: {}
        encryptionAlgorithm: RSA-2048
        etcd:
          local:
            dataDir: /var/lib/etcd
        imageRepository: registry.k8s.io
        kind: ClusterConfiguration
        kubernetesVersion: v1.32.5
        networking:
          dnsDomain: cluster.local
          podSubnet: 10.244.0.0/16
          serviceSubnet: 10.96.0.0/16
        proxy: {}
        scheduler: {}

        """

    static let kubeletConfiguration = """
        apiVersion: kubelet.config.k8s.io/v1beta1
        authentication:
          anonymous:
            enabled: false
          webhook:
            cacheTTL: 0s
            enabled: true
          x509:
            clientCAFile: /etc/kubernetes/pki/ca.crt
        authorization:
          mode: Webhook
          webhook:
            cacheAuthorizedTTL: 0s
            cacheUnauthorizedTTL: 0s
        cgroupDriver: systemd
        cgroupRoot: /kubelet
        clusterDNS:
        - 10.96.0.10
        clusterDomain: cluster.local
        containerRuntimeEndpoint: ""
        cpuManagerReconcilePeriod: 0s
        crashLoopBackOff: {}
        evictionHard:
          imagefs.available: 0%
          nodefs.available: 0%
          nodefs.inodesFree: 0%
        evictionPressureTransitionPeriod: 0s
        failSwapOn: false
        fileCheckFrequency: 0s
        healthzBindAddress: 127.0.0.1
        healthzPort: 10248
        httpCheckFrequency: 0s
        imageGCHighThresholdPercent: 100
        imageMaximumGCAge: 0s
        imageMinimumGCAge: 0s
        kind: KubeletConfiguration
        logging:
          flushFrequency: 0
          options:
            json:
              infoBufferSize: "0"
            text:
              infoBufferSize: "0"
          verbosity: 0
        memorySwap: {}
        nodeStatusReportFrequency: 0s
        nodeStatusUpdateFrequency: 0s
        rotateCertificates: true
        runtimeRequestTimeout: 0s
        shutdownGracePeriod: 0s
        shutdownGracePeriodCriticalPods: 0s
        staticPodPath: /etc/kubernetes/manifests
        streamingConnectionIdleTimeout: 0s
        syncFrequency: 0s
        volumeStatsAggPeriod: 0s

        """

    static var extensionAuthentication: [(String, String)] {
        [("client-ca-file", Seed.caCertificate), ("requestheader-allowed-names", "[\"front-proxy-client\"]"),
         ("requestheader-client-ca-file", Seed.caCertificate), ("requestheader-extra-headers-prefix", "[\"X-Remote-Extra-\"]"),
         ("requestheader-group-headers", "[\"X-Remote-Group\"]"), ("requestheader-username-headers", "[\"X-Remote-User\"]")]
    }

    static var clusterInfoKubeconfig: String {
        """
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: \(base64Encode(Array(Seed.caCertificate.utf8)))
            server: https://node-1:6443
          name: ""
        contexts: null
        current-context: ""
        kind: Config
        preferences: {}
        users: null

        """
    }
}
