import Testing
@testable import Switchyard

@Suite("Search tokenizer")
struct SearchTokenizerTests {
    @Test("words are lowercased and split at punctuation, snake case and camel case")
    func splitsWords() {
        #expect(SearchTokenizer.words("Find accountId, issue_type & Sub-Task!") == ["find", "account", "id", "issue", "type", "sub", "task"])
    }

    @Test("numbers are dropped and an issue key becomes the word key; terms drop single letters")
    func identifiers() {
        #expect(SearchTokenizer.words("move DEMO-5 (and OPS-12) to page 123456 in v2 a") == ["move", "key", "and", "key", "to", "page", "in", "v2", "a"])
        #expect(SearchTokenizer.terms("open a page x") == ["open", "pag"])
        #expect(SearchTokenizer.words("sub-task on 2024-05-01") == ["sub", "task", "on"])
    }

    @Test("in manifest prose, words in capitals, paths and URLs are example values and are dropped")
    func proseCapitals() {
        #expect(SearchTokenizer.terms("pages of the DEV space, e.g. spaces/DEV") == ["pag", "dev", "spac", "spac", "dev"])
        #expect(SearchTokenizer.terms("pages of the DEV space, e.g. spaces/DEV", prose: true) == ["pag", "spac", "spac"])
        #expect(SearchTokenizer.terms("a link relative to the site's /wiki URL (/rest/api/3)", prose: true) == ["link", "relativ", "sit"])
        #expect(SearchTokenizer.terms("hosted at https://acme.atlassian.net/wiki or \"/wiki\"", prose: true) == ["host"])
        #expect(SearchTokenizer.terms("the site's /wiki URL") == ["sit", "wiki", "url"])
    }

    @Test("function words and most question words are dropped from terms; who and when stay")
    func stopWords() {
        #expect(SearchTokenizer.terms("what is the status of my ticket") == ["status", "ticket"])
        #expect(SearchTokenizer.terms("who changed it and when") == ["who", "chang", "when"])
    }

    @Test("plurals meet their singular", arguments: [
        ("issues", "issue"), ("stories", "story"), ("statuses", "status"), ("watches", "watch"), ("boxes", "box"),
        ("releases", "release"), ("priorities", "priority"), ("children", "child"),
    ])
    func plurals(plural: String, singular: String) {
        #expect(SearchTokenizer.stem(plural) == SearchTokenizer.stem(singular))
    }

    @Test("-ing and -ed forms meet their verb", arguments: [
        ("moving", "move"), ("moved", "move"), ("logged", "log"), ("logging", "log"), ("assigned", "assign"),
        ("created", "create"), ("closing", "close"), ("settings", "set"), ("copied", "copy"), ("labelled", "label"),
    ])
    func verbForms(form: String, verb: String) {
        #expect(SearchTokenizer.stem(form) == SearchTokenizer.stem(verb))
    }

    @Test("stemming leaves short words and -ss, -us, -is endings alone")
    func stemmingKeeps() {
        #expect(SearchTokenizer.stem("add") == "add")
        #expect(SearchTokenizer.stem("added") == "add")
        #expect(SearchTokenizer.stem("address") == "address")
        #expect(SearchTokenizer.stem("status") == "status")
        #expect(SearchTokenizer.stem("analysis") == "analysis")
        #expect(SearchTokenizer.stem("need") == "need")
    }
}
