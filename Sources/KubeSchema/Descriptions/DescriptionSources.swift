// The list of description sources the built-in catalog reads. To add descriptions for another API
// group, create a file here with `let <name>Descriptions: [StaticString] = [#"""...."""#]` and add its
// name to this list. Order matters only when a definition appears twice (the first block wins).
let descriptionSources: [[StaticString]] = [
    metaV1Descriptions,
    coreV1WorkloadDescriptions,
    coreV1ConfigDescriptions,
    coreV1ServiceDescriptions,
    appsV1Descriptions,
    coreV1Part2Descriptions,
    part2bGroupsDescriptions,
    appsV1MoreDescriptions,
    batchV1Descriptions,
    metaV1MoreDescriptions,
    networkingDescriptions,
    autoscalingDescriptions,
    rbacV1Descriptions,
    storageDescriptions,
    apiextensionsV1Descriptions,
    admissionregistrationDescriptions,
    authDescriptions,
    apiServerDescriptions,
    flowcontrolV1Descriptions,
    resourceDescriptions,
    coreV1Part1aDescriptions,
    coreV1Part1bDescriptions,
    coreV1Part1cDescriptions,
]
