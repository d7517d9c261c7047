/// The sandbox's people: the demo user the credentials belong to, four colleagues and one former one.
extension JiraUser {
    static let demo = JiraUser(accountId: SandboxCredentials.accountId, displayName: "Demo User", emailAddress: SandboxCredentials.email, timeZone: "Europe/London")
    static let alice = JiraUser(accountId: "5b10ac8d82e05b22cc7d4ef5", displayName: "Alice Nguyen", emailAddress: "alice.nguyen@example.com", timeZone: "America/Los_Angeles")
    static let bob = JiraUser(accountId: "5b109f2e9729b51b54dc274d", displayName: "Bob Okafor", emailAddress: "bob.okafor@example.com", timeZone: "Africa/Lagos")
    static let carmen = JiraUser(accountId: "5c4f8a1e2d0b9c3a7e6f1d20", displayName: "Carmen Diaz", emailAddress: "carmen.diaz@example.com", timeZone: "Europe/Madrid")
    static let dev = JiraUser(accountId: "5d2e7b3c9a1f4e6b8c0d5a91", displayName: "Dev Patel", emailAddress: "dev.patel@example.com", timeZone: "Asia/Kolkata")
    static let sam = JiraUser(accountId: "5e8a1c0f3b7d2e4a6c9b8f12", displayName: "Sam Rivera", emailAddress: "sam.rivera@example.com", timeZone: "America/New_York", active: false)

    static let seeded: [JiraUser] = [.demo, .alice, .bob, .carmen, .dev, .sam]
}
