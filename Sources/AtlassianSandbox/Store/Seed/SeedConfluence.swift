/// The seeded Confluence site: space DEMO with a twelve-page tree and three blog posts, space ENG with
/// four pages and a blog post, plus labels, footer comments and attachments on some pages.
extension ConfluenceState {
    static func seeded() -> ConfluenceState {
        let spaceCreated = Timestamp(year: 2025, month: 11, day: 3, hour: 8, minute: 30)
        let spaces = [
            ConfluenceSpace(id: "65537", key: "DEMO", name: "Demo Space", type: "global", description: "Team documentation for the web shop.", authorId: JiraUser.demo.accountId, createdAt: spaceCreated, homepageId: "98305"),
            ConfluenceSpace(id: "65538", key: "ENG", name: "Engineering", type: "global", description: "Engineering-wide guidelines and onboarding.", authorId: JiraUser.dev.accountId, createdAt: spaceCreated.adding(minutes: 60 * 24 * 2), homepageId: "98317"),
        ]
        var content: [ConfluenceContent] = []
        for (index, seed) in PageSeed.all.enumerated() {
            let created = Timestamp(year: 2025, month: 12, day: 1, hour: 9).adding(minutes: index * 1_441)
            content.append(
                ConfluenceContent(
                    id: seed.id, kind: seed.kind, status: "current", title: seed.title, spaceId: seed.spaceId,
                    parentId: seed.parentId, position: seed.position, authorId: seed.author.accountId,
                    ownerId: seed.author.accountId, createdAt: created,
                    version: .init(number: seed.versions, message: "", minorEdit: false, authorId: seed.author.accountId, createdAt: created.adding(minutes: seed.versions * 2_000)),
                    body: ContentBody(.storage, seed.storage)
                )
            )
        }
        var state = ConfluenceState(spaces: spaces, content: content, nextContentID: 131_100)
        state.seedExtras()
        return state
    }

    /// Labels, footer comments and attachments.
    private mutating func seedExtras() {
        let labels: [(String, [String])] = [
            ("98307", ["architecture"]),
            ("98311", ["architecture", "checkout"]),
            ("98314", ["on-call", "runbook"]),
            ("98315", ["deploy", "runbook"]),
            ("98316", ["release-notes"]),
            ("131073", ["checkout"]),
        ]
        for (contentId, names) in labels {
            for name in names { addLabel(name, prefix: "global", to: contentId) }
        }
        let commented = Timestamp(year: 2026, month: 1, day: 12, hour: 10)
        let comments: [(id: String, on: String, author: JiraUser, storage: String)] = [
            ("131085", "98311", .alice, "<p>Should the redesign keep guest checkout?</p>"),
            ("131086", "98311", .demo, "<p>Yes, guest checkout stays; see the kick-off post.</p>"),
            ("131087", "98315", .carmen, "<p>Add a step for the feature-flag review.</p>"),
        ]
        for (index, seed) in comments.enumerated() {
            let created = commented.adding(minutes: index * 90)
            save(
                ConfluenceComment(
                    id: seed.id, containerId: seed.on, containerKind: .page, parentCommentId: nil, status: "current",
                    authorId: seed.author.accountId, createdAt: created,
                    version: .init(number: 1, message: "", minorEdit: false, authorId: seed.author.accountId, createdAt: created),
                    body: ContentBody(.storage, seed.storage)
                )
            )
        }
        let attached = Timestamp(year: 2025, month: 12, day: 15, hour: 14)
        attachments = [
            ConfluenceAttachment(
                id: "att131090", containerId: "98307", title: "architecture-diagram.png", mediaType: "image/png", fileSize: 48_213,
                comment: "Service map, December 2025", fileId: "3f0c2a8e-5b1d-4c7a-9e2f-6d8b1a4c7e90", authorId: JiraUser.dev.accountId,
                createdAt: attached
            ),
            ConfluenceAttachment(
                id: "att131091", containerId: "98311", title: "checkout-sequence.pdf", mediaType: "application/pdf", fileSize: 182_640,
                comment: "Payment redirect sequence", fileId: "8a71d4c2-0e6b-4f39-b5a8-2c9e7f1d3b46", authorId: JiraUser.demo.accountId,
                createdAt: attached.adding(minutes: 60)
            ),
            ConfluenceAttachment(
                id: "att131092", containerId: "98311", title: "checkout-metrics.png", mediaType: "image/png", fileSize: 23_907,
                comment: "", fileId: "c5e2b9a7-4d18-4a6f-8b3e-91f0d6c2a5e8", authorId: JiraUser.alice.accountId,
                createdAt: attached.adding(minutes: 120)
            ),
            ConfluenceAttachment(
                id: "att131093", containerId: "98315", title: "deploy-checklist.txt", mediaType: "text/plain", fileSize: 1_204,
                comment: "Printable checklist", fileId: "e1a9c3f5-7b2d-4e80-a6c4-5d9b0f2e8a17", authorId: JiraUser.bob.accountId,
                createdAt: attached.adding(minutes: 180)
            ),
        ]
    }
}

/// One row of seed data for a page or blog post.
private struct PageSeed {
    let id: String
    var kind = ConfluenceContent.Kind.page
    let title: String
    let spaceId: String
    let parentId: String?
    let position: Int
    let author: JiraUser
    let versions: Int
    let storage: String

    static let all: [PageSeed] = [
        PageSeed(id: "98305", title: "Demo Space Home", spaceId: "65537", parentId: nil, position: 0, author: .demo, versions: 4, storage: "<h1>Welcome to the Demo Space</h1><p>This space documents the web shop: how it is built, how to run it and how we release it.</p><ul><li><p>Start with Getting Started</p></li><li><p>Architecture Overview explains the services</p></li><li><p>Runbooks are for on-call</p></li></ul>"),
        PageSeed(id: "98306", title: "Getting Started", spaceId: "65537", parentId: "98305", position: 0, author: .alice, versions: 3, storage: "<h1>Getting Started</h1><p>New to the team? Set up your machine, read the coding guidelines, then pick a starter issue from the DEMO board.</p>"),
        PageSeed(id: "98307", title: "Architecture Overview", spaceId: "65537", parentId: "98305", position: 1, author: .dev, versions: 6, storage: "<h1>Architecture Overview</h1><p>The shop is a storefront in front of four services: search, checkout, accounts and orders.</p><ul><li><p>Search: OpenSearch behind a thin API</p></li><li><p>Checkout: payment and order creation</p></li><li><p>Accounts: login, sessions and 2FA</p></li></ul>"),
        PageSeed(id: "98308", title: "Runbooks", spaceId: "65537", parentId: "98305", position: 2, author: .bob, versions: 2, storage: "<h1>Runbooks</h1><p>Step-by-step guides for on-call engineers.</p>"),
        PageSeed(id: "98309", title: "Local Development Setup", spaceId: "65537", parentId: "98306", position: 0, author: .alice, versions: 5, storage: "<h1>Local Development Setup</h1><p>Install the toolchain, then start everything with <code>make dev</code>.</p><ul><li><p>Docker 24 or newer</p></li><li><p>Node 20</p></li><li><p>Swift 6</p></li></ul>"),
        PageSeed(id: "98310", title: "Coding Guidelines", spaceId: "65537", parentId: "98306", position: 1, author: .carmen, versions: 2, storage: "<h1>Coding Guidelines</h1><p>Small pull requests, tests for every bug fix, and no secrets in logs.</p>"),
        PageSeed(id: "98311", title: "Checkout Service", spaceId: "65537", parentId: "98307", position: 0, author: .demo, versions: 7, storage: "<h1>Checkout Service</h1><ac:structured-macro ac:name=\"info\" ac:schema-version=\"1\"><ac:rich-text-body><p>The checkout service is being redesigned; see the DEMO-1 epic.</p></ac:rich-text-body></ac:structured-macro><p>Checkout turns a cart into a paid order. It talks to the payment provider and to the orders service.</p><h2>Failure modes</h2><ul><li><p>Payment provider timeout</p></li><li><p>Session expiry during redirect</p></li></ul>"),
        PageSeed(id: "98312", title: "Search Service", spaceId: "65537", parentId: "98307", position: 1, author: .alice, versions: 3, storage: "<h1>Search Service</h1><p>Search indexes the product catalogue every five minutes and serves autocomplete and full-text queries.</p>"),
        PageSeed(id: "98313", title: "Authentication Flow", spaceId: "65537", parentId: "98307", position: 2, author: .dev, versions: 4, storage: "<h1>Authentication Flow</h1><p>Login issues a session cookie and a refresh token. Two-factor authentication adds a TOTP prompt after the password check.</p>"),
        PageSeed(id: "98314", title: "Incident Response", spaceId: "65537", parentId: "98308", position: 0, author: .bob, versions: 3, storage: "<h1>Incident Response</h1><p>Declare an incident in the on-call channel, assign a lead and post updates every 30 minutes.</p>"),
        PageSeed(id: "98315", title: "Deploying to Production", spaceId: "65537", parentId: "98308", position: 1, author: .bob, versions: 5, storage: "<h1>Deploying to Production</h1><p>Deploys run from the main branch after the checkout smoke tests pass.</p><ul><li><p>Check the release dashboard</p></li><li><p>Run the deploy pipeline</p></li><li><p>Watch error rates for 15 minutes</p></li></ul>"),
        PageSeed(id: "98316", title: "Release Notes", spaceId: "65537", parentId: "98305", position: 3, author: .carmen, versions: 9, storage: "<h1>Release Notes</h1><p>Release 2026.01 adds saved cards, order tracking and faster search.</p>"),
        PageSeed(id: "98317", title: "Engineering Home", spaceId: "65538", parentId: nil, position: 0, author: .dev, versions: 2, storage: "<h1>Engineering</h1><p>Guidelines that apply to every team.</p>"),
        PageSeed(id: "98318", title: "Onboarding Checklist", spaceId: "65538", parentId: "98317", position: 0, author: .alice, versions: 3, storage: "<h1>Onboarding Checklist</h1><ul><li><p>Get laptop and accounts</p></li><li><p>Meet your buddy</p></li><li><p>Ship a first change in week one</p></li></ul>"),
        PageSeed(id: "98319", title: "Tech Radar", spaceId: "65538", parentId: "98317", position: 1, author: .dev, versions: 4, storage: "<h1>Tech Radar</h1><p>Adopt: Swift on the server, OpenTelemetry. Trial: WebAssembly plugins. Hold: the legacy coupon service.</p>"),
        PageSeed(id: "98320", title: "API Design Guidelines", spaceId: "65538", parentId: "98317", position: 2, author: .carmen, versions: 2, storage: "<h1>API Design Guidelines</h1><p>Use cursor pagination, return errors as JSON and document every field.</p>"),
        PageSeed(id: "131073", kind: .blogpost, title: "Checkout redesign kick-off", spaceId: "65537", parentId: nil, position: 0, author: .demo, versions: 1, storage: "<p>We kicked off the checkout redesign this week. Goal: two steps instead of five.</p>"),
        PageSeed(id: "131074", kind: .blogpost, title: "What we learned from the January incident", spaceId: "65537", parentId: nil, position: 0, author: .bob, versions: 2, storage: "<p>Sessions expired during slow payment redirects. The fix and follow-ups are tracked in DEMO-7.</p>"),
        PageSeed(id: "131075", kind: .blogpost, title: "Search is twice as fast", spaceId: "65537", parentId: nil, position: 0, author: .alice, versions: 1, storage: "<p>The new index layout halves search latency. Autocomplete now answers in under 50 ms.</p>"),
        PageSeed(id: "131076", kind: .blogpost, title: "Welcome to the engineering blog", spaceId: "65538", parentId: nil, position: 0, author: .dev, versions: 1, storage: "<p>Short posts about how we build things: design notes, tooling and lessons learned.</p>"),
    ]
}
