import Switchyard

/// The seeded issues: DEMO-1…DEMO-30 for a made-up web shop and OPS-1…OPS-5, with comments.
///
/// Everything is derived from the tables below, so every start produces the same ids, keys and dates.
extension JiraState {
    static func seeded() -> JiraState {
        var projects = JiraProject.seeded
        var issues: [JiraIssue] = []
        var nextCommentID = 10100
        var nextIssueID = 10001
        for (projectKey, seeds, firstCreated) in [
            ("DEMO", IssueSeed.demo, Timestamp(year: 2026, month: 1, day: 5, hour: 9, minute: 12)),
            ("OPS", IssueSeed.operations, Timestamp(year: 2026, month: 1, day: 6, hour: 10, minute: 3)),
        ] {
            guard let projectIndex = projects.firstIndex(where: { $0.key == projectKey }) else { continue }
            let project = projects[projectIndex]
            var idsByNumber: [Int: String] = [:]
            for (offset, seed) in seeds.enumerated() {
                let number = offset + 1
                let id = String(nextIssueID)
                nextIssueID += 1
                idsByNumber[number] = id
                let created = firstCreated.adding(minutes: offset * 797)
                let comments = seed.comments(issueNumber: number, created: created, nextID: &nextCommentID)
                let updated = max(created.adding(minutes: (number % 7 + 1) * 151), comments.last?.created ?? created)
                issues.append(
                    JiraIssue(
                        id: id, projectId: project.id, projectKey: project.key, number: number,
                        summary: seed.summary, description: seed.description, issueTypeId: seed.type.id,
                        statusId: seed.status.id, priorityId: seed.priority.id, assigneeId: seed.assignee?.accountId,
                        reporterId: seed.reporter.accountId, creatorId: seed.reporter.accountId, labels: seed.labels,
                        dueDate: seed.dueDate, parentId: seed.parent.flatMap { idsByNumber[$0] }, created: created,
                        updated: updated, statusCategoryChanged: updated,
                        resolved: seed.status.category == .done ? updated : nil, comments: comments
                    )
                )
            }
            projects[projectIndex].lastIssueNumber = seeds.count
        }
        var state = JiraState(users: JiraUser.seeded, projects: projects, issues: issues, nextIssueID: nextIssueID, nextCommentID: nextCommentID)
        state.seedSoftwareData()
        return state
    }
}

/// One row of seed data for an issue.
private struct IssueSeed {
    let summary: String
    let type: JiraIssueType
    let status: JiraStatus
    let priority: JiraPriority
    let assignee: JiraUser?
    let reporter: JiraUser
    let labels: [String]
    var description: JSONValue?
    var parent: Int?
    var commentCount = 0
    var dueDate: String?

    /// Comments cycle through a fixed pool of remarks and authors, an hour and a half apart.
    func comments(issueNumber: Int, created: Timestamp, nextID: inout Int) -> [JiraComment] {
        (0..<commentCount).map { index in
            defer { nextID += 1 }
            let author = CommentPool.authors[(issueNumber + index) % CommentPool.authors.count]
            let body = CommentPool.body(issueNumber + index * 3)
            return JiraComment(id: String(nextID), authorId: author.accountId, body: body, created: created.adding(minutes: (index + 1) * 95))
        }
    }

    static let demo: [IssueSeed] = [
        IssueSeed(summary: "Checkout redesign", type: .epic, status: .inProgress, priority: .high, assignee: .demo, reporter: .demo, labels: ["checkout"], description: Descriptions.checkoutEpic, commentCount: 2),
        IssueSeed(summary: "As a shopper I can pay with a saved card", type: .story, status: .inProgress, priority: .high, assignee: .alice, reporter: .demo, labels: ["checkout", "payments"], description: Descriptions.simple("Shoppers who saved a card at their last purchase can pick it at checkout instead of typing the number again."), parent: 1, commentCount: 3, dueDate: "2026-02-27"),
        IssueSeed(summary: "Login fails when the email contains a plus sign", type: .bug, status: .toDo, priority: .highest, assignee: .bob, reporter: .carmen, labels: ["login", "auth"], description: Descriptions.loginPlusSign, commentCount: 1),
        IssueSeed(summary: "Add rate limiting to the search API", type: .task, status: .toDo, priority: .medium, assignee: .dev, reporter: .demo, labels: ["search", "backend"], description: Descriptions.simple("Limit anonymous clients to 20 search requests per second and answer 429 with Retry-After beyond that.")),
        IssueSeed(summary: "Cart total ignores discount codes after page refresh", type: .bug, status: .inReview, priority: .high, assignee: .carmen, reporter: .alice, labels: ["checkout", "cart"], description: Descriptions.cartDiscount, commentCount: 4),
        IssueSeed(summary: "Search results show product thumbnails", type: .story, status: .done, priority: .medium, assignee: .alice, reporter: .demo, labels: ["search", "frontend"], description: Descriptions.simple("Show a 64x64 thumbnail next to every search result."), commentCount: 2),
        IssueSeed(summary: "Session expires during checkout on slow connections", type: .bug, status: .inProgress, priority: .highest, assignee: .demo, reporter: .bob, labels: ["checkout", "auth"], description: Descriptions.sessionExpiry, commentCount: 14),
        IssueSeed(summary: "Upgrade the payment SDK to v5", type: .task, status: .toDo, priority: .medium, assignee: .bob, reporter: .dev, labels: ["payments", "dependencies"], description: Descriptions.simple("v4 reaches end of support in June. The migration guide lists three breaking changes in the refund API."), parent: 1),
        IssueSeed(summary: "Guest checkout without an account", type: .story, status: .toDo, priority: .high, assignee: nil, reporter: .demo, labels: ["checkout"], description: Descriptions.simple("Let shoppers buy without creating an account; offer to create one on the confirmation page."), parent: 1, commentCount: 1),
        IssueSeed(summary: "Password reset email links expire too early", type: .bug, status: .done, priority: .medium, assignee: .carmen, reporter: .alice, labels: ["login", "email"], description: Descriptions.simple("Links expire after 5 minutes instead of 60. Several shoppers reported it on Monday."), commentCount: 3),
        IssueSeed(summary: "Two-factor authentication for shopper accounts", type: .story, status: .inProgress, priority: .high, assignee: .dev, reporter: .demo, labels: ["auth", "security"], description: Descriptions.twoFactor, commentCount: 5),
        IssueSeed(summary: "Design the 2FA enrolment screen", type: .subtask, status: .done, priority: .medium, assignee: .carmen, reporter: .dev, labels: ["auth", "design"], description: Descriptions.simple("Mock-ups for enrolment, recovery codes and the sign-in prompt."), parent: 11, commentCount: 2),
        IssueSeed(summary: "Store TOTP secrets encrypted at rest", type: .subtask, status: .inProgress, priority: .high, assignee: .dev, reporter: .dev, labels: ["auth", "security"], description: Descriptions.simple("Use the KMS envelope key; never log the secret."), parent: 11, commentCount: 1),
        IssueSeed(summary: "Search returns no results for queries with accents", type: .bug, status: .toDo, priority: .medium, assignee: .alice, reporter: .bob, labels: ["search", "i18n"], description: Descriptions.simple("Searching for \"crème brûlée\" finds nothing, while \"creme brulee\" finds 12 products.")),
        IssueSeed(summary: "Write runbook for payment provider outages", type: .task, status: .done, priority: .low, assignee: .bob, reporter: .demo, labels: ["docs", "payments"], description: Descriptions.simple("Document how to switch to the fallback provider and how to tell customers."), commentCount: 2),
        IssueSeed(summary: "Wishlist: save items for later", type: .story, status: .toDo, priority: .low, assignee: nil, reporter: .carmen, labels: ["wishlist"], description: nil),
        IssueSeed(summary: "Product images do not load on Safari 17", type: .bug, status: .inReview, priority: .medium, assignee: .carmen, reporter: .demo, labels: ["frontend", "browser"], description: Descriptions.simple("WebP images with an ICC profile fail to decode; other browsers are fine."), commentCount: 3),
        IssueSeed(summary: "Migrate order history to the new database", type: .task, status: .inProgress, priority: .medium, assignee: .dev, reporter: .bob, labels: ["backend", "database"], description: Descriptions.simple("Copy 4.2 million orders, verify counts per month, then switch reads."), commentCount: 1, dueDate: "2026-03-13"),
        IssueSeed(summary: "Duplicate order confirmation emails", type: .bug, status: .toDo, priority: .high, assignee: .bob, reporter: .alice, labels: ["email", "orders"], description: Descriptions.simple("About 2% of orders send the confirmation twice when the payment webhook is retried."), commentCount: 4),
        IssueSeed(summary: "Order tracking page", type: .story, status: .inReview, priority: .medium, assignee: .alice, reporter: .demo, labels: ["orders"], description: Descriptions.simple("Show carrier, tracking number and the latest scan for each shipment."), commentCount: 2),
        IssueSeed(summary: "Remove the legacy coupon service", type: .task, status: .toDo, priority: .lowest, assignee: nil, reporter: .dev, labels: ["tech-debt"], description: nil),
        IssueSeed(summary: "Checkout button overlaps the footer on small screens", type: .bug, status: .done, priority: .low, assignee: .carmen, reporter: .demo, labels: ["checkout", "frontend", "mobile"], description: Descriptions.simple("Reproducible on any viewport narrower than 360 px."), commentCount: 1),
        IssueSeed(summary: "Search autocomplete suggestions", type: .story, status: .inProgress, priority: .medium, assignee: .alice, reporter: .carmen, labels: ["search"], description: Descriptions.simple("Suggest up to 8 products and 3 categories after two typed characters."), commentCount: 2),
        IssueSeed(summary: "Add tracing to the checkout service", type: .task, status: .toDo, priority: .medium, assignee: .demo, reporter: .demo, labels: ["checkout", "observability"], description: Descriptions.simple("Propagate trace context from the storefront through payment and order creation.")),
        IssueSeed(summary: "Address form rejects valid UK postcodes", type: .bug, status: .inProgress, priority: .high, assignee: .bob, reporter: .alice, labels: ["checkout", "i18n"], description: Descriptions.simple("Postcodes without a space, such as SW1A1AA, are rejected."), commentCount: 3),
        IssueSeed(summary: "Accounts and login hardening", type: .epic, status: .toDo, priority: .high, assignee: .demo, reporter: .demo, labels: ["auth", "security"], description: Descriptions.simple("Everything we want done before the external penetration test in April.")),
        IssueSeed(summary: "Sign in with Google", type: .story, status: .toDo, priority: .medium, assignee: .dev, reporter: .demo, labels: ["auth", "login"], description: Descriptions.simple("OpenID Connect with the existing account linking flow."), parent: 26, commentCount: 1),
        IssueSeed(summary: "Login page shows a stack trace on database timeout", type: .bug, status: .inReview, priority: .highest, assignee: .demo, reporter: .bob, labels: ["login", "security"], description: Descriptions.stackTrace, parent: 26, commentCount: 5),
        IssueSeed(summary: "Load test checkout before the spring sale", type: .task, status: .toDo, priority: .high, assignee: .bob, reporter: .demo, labels: ["checkout", "performance"], description: Descriptions.simple("Target 300 orders per minute for 30 minutes with p95 under 800 ms."), commentCount: 2, dueDate: "2026-03-20"),
        IssueSeed(summary: "Recently viewed products carousel", type: .story, status: .done, priority: .low, assignee: .carmen, reporter: .alice, labels: ["frontend"], description: nil, commentCount: 1),
    ]

    static let operations: [IssueSeed] = [
        IssueSeed(summary: "Rotate TLS certificates for shop.example.com", type: .task, status: .toDo, priority: .high, assignee: .bob, reporter: .bob, labels: ["certificates"], description: Descriptions.simple("The current certificates expire on 14 February."), commentCount: 1, dueDate: "2026-02-10"),
        IssueSeed(summary: "Nightly backup job exceeds its time window", type: .bug, status: .inProgress, priority: .medium, assignee: .dev, reporter: .bob, labels: ["backups"], description: Descriptions.simple("The job now takes 5h40m; the window is 4 hours."), commentCount: 2),
        IssueSeed(summary: "Enable log retention policy in the staging cluster", type: .task, status: .done, priority: .low, assignee: .bob, reporter: .alice, labels: ["logging"], description: Descriptions.simple("Keep 14 days of logs in staging.")),
        IssueSeed(summary: "On-call handbook review", type: .task, status: .toDo, priority: .low, assignee: .alice, reporter: .demo, labels: ["docs"], description: nil),
        IssueSeed(summary: "Disk usage alert fires on the wrong host", type: .bug, status: .inReview, priority: .medium, assignee: .demo, reporter: .bob, labels: ["alerts", "monitoring"], description: Descriptions.simple("The alert for db-2 is routed with the labels of db-1."), commentCount: 3),
    ]
}

/// The remarks and authors seeded comments are drawn from.
private enum CommentPool {
    static let authors: [JiraUser] = [.alice, .bob, .carmen, .dev, .demo]

    static func body(_ seed: Int) -> JSONValue {
        switch seed % 10 {
        case 0: ADF.doc([ADF.paragraph("I can reproduce this on staging.")])
        case 1: ADF.doc([ADF.paragraph("Root cause looks like a race between the session refresh and the payment callback.")])
        case 2: ADF.doc([ADF.paragraph([ADF.text("PR is up for review: "), ADF.link("checkout-service#482", href: "https://git.example.com/shop/checkout-service/pull/482")])])
        case 3: ADF.doc([ADF.paragraph("Can we get this into the next release?")])
        case 4: ADF.doc([ADF.paragraph([ADF.mention(.carmen), ADF.text(" could you take a look at the front-end part?")])])
        case 5: ADF.doc([ADF.paragraph("QA passed on Chrome and Firefox; Safari is still pending.")])
        case 6: ADF.doc([ADF.paragraph([ADF.text("Seeing "), ADF.code("SocketTimeoutException"), ADF.text(" in the logs around the same time.")])])
        case 7: ADF.doc([ADF.paragraph("Added more logging, waiting for the next occurrence.")])
        case 8: ADF.doc([ADF.paragraph("Confirmed fixed in build 2026.01.3.")])
        default: ADF.doc([ADF.paragraph("Moving this back: the fix broke guest checkout."), ADF.bulletList(["Steps are in the test plan", "Logs attached to the ticket"])])
        }
    }
}

/// Issue descriptions, a few of them rich (headings, lists, code, links, mentions).
private enum Descriptions {
    static func simple(_ text: String) -> JSONValue {
        ADF.doc([ADF.paragraph(text)])
    }

    static let checkoutEpic = ADF.doc([
        ADF.heading(2, "Goal"),
        ADF.paragraph("Cut checkout from five steps to two and raise conversion on mobile."),
        ADF.heading(2, "Scope"),
        ADF.bulletList(["Saved cards", "Guest checkout", "Single-page address and payment form"]),
        ADF.paragraph([ADF.text("Design: "), ADF.link("Checkout redesign mock-ups", href: "https://design.example.com/checkout-v2")]),
    ])

    static let loginPlusSign = ADF.doc([
        ADF.paragraph([ADF.text("Shoppers whose address looks like "), ADF.code("jane+shop@example.com"), ADF.text(" cannot sign in.")]),
        ADF.heading(3, "Steps to reproduce"),
        ADF.orderedList(["Register with an address containing +", "Sign out", "Sign in with the same address"]),
        ADF.heading(3, "Cause"),
        ADF.paragraph("The login form URL-encodes the address twice:"),
        ADF.codeBlock(language: "javascript", "fetch(`/api/login?email=${encodeURIComponent(encodeURIComponent(email))}`)"),
    ])

    static let cartDiscount = ADF.doc([
        ADF.paragraph("After a refresh the cart shows the total without the discount, but the order is charged correctly."),
        ADF.bulletList(["Happens with percentage codes only", "Fixed-amount codes are fine"]),
    ])

    static let sessionExpiry = ADF.doc([
        ADF.heading(2, "Summary"),
        ADF.paragraph([ADF.text("On 3G connections the session expires between the payment step and the confirmation, and the shopper is "), ADF.strong("logged out with a full cart"), ADF.text(".")]),
        ADF.heading(2, "Notes"),
        ADF.bulletList(["Session lifetime is 15 minutes", "Payment provider redirect can take 40 seconds", "Refresh token is not used on the confirmation page"]),
        ADF.paragraph([ADF.mention(.bob), ADF.text(" has logs from the incident on 12 January.")]),
    ])

    static let twoFactor = ADF.doc([
        ADF.paragraph("Offer TOTP-based two-factor authentication to every shopper account."),
        ADF.heading(3, "Acceptance criteria"),
        ADF.bulletList(["Enrolment with a QR code", "Ten single-use recovery codes", "Remember this device for 30 days"]),
    ])

    static let stackTrace = ADF.doc([
        ADF.paragraph("When the database times out, the login page renders the raw exception:"),
        ADF.codeBlock(language: "java", "org.postgresql.util.PSQLException: Connection attempt timed out.\n    at org.postgresql.Driver.connect(Driver.java:285)"),
        ADF.paragraph([ADF.text("This leaks internal host names. See "), ADF.link("OWASP error handling", href: "https://owasp.org/www-community/Improper_Error_Handling"), ADF.text(".")]),
    ])
}
