import Switchyard

/// `GET /rest/api/{3,2}/serverInfo`: what the Jira says about itself, answered without credentials as real
/// Jira does. Clients call it first: pycontribs `JIRA(server=…)` reads `versionNumbers` and tells Cloud from
/// Server/Data Center by `deploymentType`.
///
/// At the site root the sandbox is Jira Cloud; under the `/jira` context path it is Jira Data Center 9.12.2,
/// which, like every Jira Data Center, reports `deploymentType` `Server`.
///
/// ```http
/// GET /rest/api/3/serverInfo        → {"deploymentType":"Cloud","version":"1001.0.0-SNAPSHOT","versionNumbers":[1001,0,0],...}
/// GET /jira/rest/api/2/serverInfo   → {"deploymentType":"Server","version":"9.12.2","versionNumbers":[9,12,2],...}
/// ```
struct JiraServerInfoRoutes: RouteGroup {
    /// The Cloud build the sandbox claims to be; Cloud versions are always 1001.0.0-SNAPSHOT.
    static let cloudBuildNumber = 100_294
    static let dataCenterVersion = [9, 12, 2]

    func register(on router: inout Router) {
        for version in JiraAPIVersion.platform {
            router.add(.GET, version.pathPrefix + "/serverInfo", dialect: .jira, access: .open) { request in
                .json(request.jiraDeployment == .cloud ? Self.cloud(request) : Self.dataCenter(request))
            }
        }
    }

    private static func cloud(_ request: RouteRequest) -> JSONValue {
        [
            "baseUrl": .string(request.baseURL),
            "displayUrl": .string(request.baseURL),
            "version": "1001.0.0-SNAPSHOT",
            "versionNumbers": [1001, 0, 0],
            "deploymentType": "Cloud",
            "buildNumber": .number(JSONNumber(cloudBuildNumber)),
            "buildDate": .string(Timestamp(year: 2026, month: 1, day: 5, hour: 9, minute: 12).jiraText),
            "serverTime": .string(Timestamp.now().jiraText),
            "scmInfo": "5f9c3e0b7a1d24e8c6b0f3a9d8e7c6b5a4f3e2d1",
            "serverTitle": "Jira",
            "defaultLocale": ["locale": "en_US"],
            "serverTimeZone": "Etc/UTC",
        ]
    }

    private static func dataCenter(_ request: RouteRequest) -> JSONValue {
        let numbers = dataCenterVersion
        // Data Center build numbers spell the version: 9.12.2 is 912002.
        let build = numbers[0] * 100_000 + numbers[1] * 1_000 + numbers[2]
        return [
            "baseUrl": .string(request.baseURL),
            "version": .string(numbers.map(String.init).joined(separator: ".")),
            "versionNumbers": .array(numbers.map { .number(JSONNumber($0)) }),
            "deploymentType": "Server",
            "buildNumber": .number(JSONNumber(build)),
            "buildDate": .string(Timestamp(year: 2024, month: 2, day: 1).jiraText),
            "databaseBuildNumber": .number(JSONNumber(build)),
            "serverTime": .string(Timestamp.now().jiraText),
            "scmInfo": "a2b7d1c6e0f94b3d8e5c7a9f1b2d4e6c8a0b3d5f",
            "serverTitle": "Jira",
        ]
    }
}
