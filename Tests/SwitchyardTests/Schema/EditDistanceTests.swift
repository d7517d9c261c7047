import Testing

@testable import Switchyard

@Suite("edit distance")
struct EditDistanceTests {
    @Test func countsInsertionsDeletionsAndSubstitutions() {
        #expect(EditDistance.between("jqll", "jql") == 1)
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.between("same", "same") == 0)
    }

    @Test func suggestsNothingForShortUnrelatedNames() {
        #expect(EditDistance.closestMatch(to: "x", among: ["id", "jql"]) == nil)
    }

    @Test func prefersTheNearestCandidateThenDeclarationOrder() {
        #expect(EditDistance.closestMatch(to: "sumary", among: ["summary", "sumaryX"]) == "summary")
        #expect(EditDistance.closestMatch(to: "abd", among: ["abc", "abe"]) == "abc")
    }
}
