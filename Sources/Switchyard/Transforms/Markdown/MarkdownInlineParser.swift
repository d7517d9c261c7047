/// Parses inline Markdown: emphasis and strong (`*`, `_`), GFM strikethrough (`~~`), code spans, links,
/// images, autolinks (`<https://…>` and bare `https://…`), mentions (`@[Name](accountId:…)`, see
/// ``MarkdownMention``), hard and soft breaks, backslash escapes and character references. The HTML tags
/// `<br>`, `<strong>`/`<b>`, `<em>`/`<i>` and `<del>`/`<s>` are understood too, because the writer falls
/// back to them where `*` or `~~` cannot express the formatting.
///
/// Emphasis follows CommonMark's delimiter-run algorithm over a linked list of pieces, so it runs in
/// linear time however the delimiters are arranged. Formatting nested deeper than
/// ``MarkdownDocument/maximumDepth`` is flattened into its parent.
///
/// ```swift
/// MarkdownInlineParser.parse(Array("**Ship** it, @[Mia](accountId:5b10)".utf8))
/// // [.strong([.text("Ship")]), .text(" it, "), .mention(MarkdownMention(id: "5b10", name: "Mia"))]
/// ```
struct MarkdownInlineParser {
    static func parse(_ bytes: [UInt8]) -> [MarkdownInline] {
        var parser = MarkdownInlineParser(bytes: bytes)
        return InlineNormalizer.paragraph(parser.run())
    }

    static func parseHeading(_ bytes: [UInt8]) -> [MarkdownInline] {
        var parser = MarkdownInlineParser(bytes: bytes)
        return InlineNormalizer.heading(parser.run())
    }

    static func parseCell(_ text: String) -> [MarkdownInline] {
        var parser = MarkdownInlineParser(bytes: Array(text.utf8))
        return InlineNormalizer.cell(parser.run())
    }

    // MARK: State

    private enum DelimiterKind: Int {
        case asterisk, underscore, tilde, htmlStrong, htmlEmphasis, htmlStrike

        var isHTML: Bool { rawValue >= DelimiterKind.htmlStrong.rawValue }
    }

    private struct Delimiter {
        let kind: DelimiterKind
        var count: Int
        let original: Int
        let canOpen: Bool
        let canClose: Bool
        /// The text an unmatched delimiter stands for: `count` characters, or the HTML tag as written.
        let literal: String
    }

    private enum Piece {
        case inline(MarkdownInline)
        case delimiter(Delimiter)
        /// A detached run of pieces whose formatting was nested too deeply; its content joins the parent.
        case segment(first: Int, last: Int)
        case removed
    }

    private struct Bracket {
        let piece: Int
        let image: Bool
        let mention: Bool
        /// The last delimiter before the bracket: emphasis inside the link text is processed above it.
        let delimiterBottom: Int
    }

    private let bytes: [UInt8]
    private var pieces: [Piece] = []
    private var next: [Int] = []
    private var previous: [Int] = []
    private var depth: [Int] = []
    private var head = -1
    private var tail = -1
    private var delimiterNext: [Int] = []
    private var delimiterPrevious: [Int] = []
    private var listed: [Bool] = []
    private var delimiterHead = -1
    private var delimiterTail = -1
    private var brackets: [Bracket] = []
    /// Brackets below this index may no longer form links (links cannot contain links).
    private var linkFloor = 0
    private var pendingText: [UInt8] = []
    /// Backtick run lengths known to have no closing run later in the text.
    private var unclosedBacktickRuns: Set<Int> = []
    /// For each title closer (`"`, `'`, `)`), the last search: where it started and what it found.
    private var closerSearches: [UInt8: (from: Int, found: Int?)] = [:]

    private static let maximumDepth = MarkdownDocument.maximumDepth

    private static let special: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for character in "\\\n`*_~[]!@<&" { table[Int(character.asciiValue!)] = true }
        return table
    }()

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    // MARK: Scanning

    private mutating func run() -> [MarkdownInline] {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if !Self.special[Int(byte)] {
                let start = index
                while index < count, !Self.special[Int(bytes[index])] { index += 1 }
                pendingText.append(contentsOf: bytes[start..<index])
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"):
                if index + 1 < count, bytes[index + 1] == 0x0A {
                    appendBreak(.hardBreak)
                    index = skipLineStart(index + 2)
                } else if index + 1 < count, ByteClass.isPunctuation(bytes[index + 1]) {
                    pendingText.append(bytes[index + 1])
                    index += 2
                } else {
                    pendingText.append(byte)
                    index += 1
                }
            case 0x0A:
                var trailingSpaces = 0
                while let last = pendingText.last, ByteClass.isSpaceOrTab(last) {
                    if last == 0x20 { trailingSpaces += 1 }
                    pendingText.removeLast()
                }
                appendBreak(trailingSpaces >= 2 ? .hardBreak : .softBreak)
                index = skipLineStart(index + 1)
            case UInt8(ascii: "`"):
                index = codeSpan(at: index)
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                index = delimiterRun(at: index)
            case UInt8(ascii: "["):
                openBracket(at: index, length: 1, image: false, mention: false)
                index += 1
            case UInt8(ascii: "!"), UInt8(ascii: "@"):
                if index + 1 < count, bytes[index + 1] == UInt8(ascii: "[") {
                    openBracket(at: index, length: 2, image: byte == UInt8(ascii: "!"), mention: byte == UInt8(ascii: "@"))
                    index += 2
                } else {
                    pendingText.append(byte)
                    index += 1
                }
            case UInt8(ascii: "]"):
                index = closeBracket(at: index)
            case UInt8(ascii: "<"):
                index = angleBracket(at: index)
            default:
                if let (decoded, length) = HTMLEntities.reference(in: bytes[...], at: index) {
                    pendingText.append(contentsOf: decoded.utf8)
                    index += length
                } else {
                    pendingText.append(byte)
                    index += 1
                }
            }
        }
        processEmphasis(bottom: -1)
        return Self.linkingBareURLs(takeAll(after: -1).inlines, depth: 0)
    }

    private func skipLineStart(_ index: Int) -> Int {
        var index = index
        while index < bytes.count, ByteClass.isSpaceOrTab(bytes[index]) { index += 1 }
        return index
    }

    private mutating func appendBreak(_ inline: MarkdownInline) {
        flushText()
        appendPiece(.inline(inline), depth: 1)
    }

    private mutating func codeSpan(at index: Int) -> Int {
        var end = index
        while end < bytes.count, bytes[end] == UInt8(ascii: "`") { end += 1 }
        let length = end - index
        guard let closing = closingBacktickRun(length: length, from: end) else {
            pendingText.append(contentsOf: bytes[index..<end])
            return end
        }
        var content = bytes[end..<closing].map { $0 == 0x0A ? 0x20 : $0 }
        if content.count >= 2, content.first == 0x20, content.last == 0x20, content.contains(where: { $0 != 0x20 }) {
            content = Array(content.dropFirst().dropLast())
        }
        flushText()
        appendPiece(.inline(.code(String(decoding: content, as: UTF8.self))), depth: 1)
        return closing + length
    }

    private mutating func closingBacktickRun(length: Int, from start: Int) -> Int? {
        guard !unclosedBacktickRuns.contains(length) else { return nil }
        var index = start
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "`") else {
                index += 1
                continue
            }
            let runStart = index
            while index < bytes.count, bytes[index] == UInt8(ascii: "`") { index += 1 }
            if index - runStart == length { return runStart }
        }
        unclosedBacktickRuns.insert(length)
        return nil
    }

    private mutating func delimiterRun(at index: Int) -> Int {
        let character = bytes[index]
        var end = index
        while end < bytes.count, bytes[end] == character { end += 1 }
        let length = end - index
        if character == UInt8(ascii: "~"), length != 2 {
            pendingText.append(contentsOf: bytes[index..<end])
            return end
        }
        let before = ByteClass.of(index > 0 ? bytes[index - 1] : nil)
        let after = ByteClass.of(end < bytes.count ? bytes[end] : nil)
        let leftFlanking = after != .whitespace && (after != .punctuation || before != .word)
        let rightFlanking = before != .whitespace && (before != .punctuation || after != .word)
        let canOpen: Bool
        let canClose: Bool
        let kind: DelimiterKind
        switch character {
        case UInt8(ascii: "_"):
            kind = .underscore
            canOpen = leftFlanking && (!rightFlanking || before == .punctuation)
            canClose = rightFlanking && (!leftFlanking || after == .punctuation)
        case UInt8(ascii: "~"):
            kind = .tilde
            canOpen = leftFlanking
            canClose = rightFlanking
        default:
            kind = .asterisk
            canOpen = leftFlanking
            canClose = rightFlanking
        }
        pushDelimiter(Delimiter(
            kind: kind, count: length, original: length, canOpen: canOpen, canClose: canClose,
            literal: String(decoding: bytes[index..<end], as: UTF8.self)
        ))
        return end
    }

    private mutating func pushDelimiter(_ delimiter: Delimiter) {
        flushText()
        let piece = appendPiece(.delimiter(delimiter), depth: 1)
        listed[piece] = true
        delimiterPrevious[piece] = delimiterTail
        if delimiterTail >= 0 { delimiterNext[delimiterTail] = piece } else { delimiterHead = piece }
        delimiterTail = piece
    }

    /// `<https://…>`, `<user@example.com>`, `<br>` and the formatting tags; anything else is a literal `<`.
    private mutating func angleBracket(at index: Int) -> Int {
        var end = index + 1
        while end < bytes.count, end - index < 2_048 {
            let byte = bytes[end]
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "<") || byte <= 0x20 { break }
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: ">"), end > index + 1 {
            let content = bytes[(index + 1)..<end]
            let text = content.string
            if Self.isAbsoluteURI(content) {
                flushText()
                appendPiece(.inline(.link(MarkdownLink(destination: text, content: [.text(text)]))), depth: 2)
                return end + 1
            }
            if Self.isEmailAddress(content) {
                flushText()
                appendPiece(.inline(.link(MarkdownLink(destination: "mailto:" + text, content: [.text(text)]))), depth: 2)
                return end + 1
            }
        }
        if let (tag, length) = htmlTag(at: index) {
            switch tag {
            case "br", "br/":
                appendBreak(.hardBreak)
                return skipLineStart(index + length)
            case "strong", "b", "em", "i", "del", "s", "strike", "/strong", "/b", "/em", "/i", "/del", "/s", "/strike":
                let closing = tag.hasPrefix("/")
                let name = closing ? String(tag.dropFirst()) : tag
                let kind: DelimiterKind = switch name {
                case "strong", "b": .htmlStrong
                case "em", "i": .htmlEmphasis
                default: .htmlStrike
                }
                pushDelimiter(Delimiter(
                    kind: kind, count: 1, original: 1, canOpen: !closing, canClose: closing,
                    literal: String(decoding: bytes[index..<(index + length)], as: UTF8.self)
                ))
                return index + length
            default:
                break
            }
        }
        pendingText.append(UInt8(ascii: "<"))
        return index + 1
    }

    /// A simple tag at `index` (`<name>`, `</name>`, `<name/>`, `<name />`): its lowercased name, with a
    /// trailing `/` for self-closing, and its length.
    private func htmlTag(at index: Int) -> (String, Int)? {
        var cursor = index + 1
        var name: [UInt8] = []
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "/") {
            name.append(UInt8(ascii: "/"))
            cursor += 1
        }
        while cursor < bytes.count, ByteClass.isLetter(bytes[cursor]), name.count < 8 {
            name.append(ByteClass.lowercased(bytes[cursor]))
            cursor += 1
        }
        guard name.contains(where: ByteClass.isLetter) else { return nil }
        if cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "/"), name.first != UInt8(ascii: "/") {
            name.append(UInt8(ascii: "/"))
            cursor += 1
        }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ">") else { return nil }
        return (String(decoding: name, as: UTF8.self), cursor + 1 - index)
    }

    // MARK: Links

    private mutating func openBracket(at index: Int, length: Int, image: Bool, mention: Bool) {
        flushText()
        let piece = appendPiece(.inline(.text(String(decoding: bytes[index..<(index + length)], as: UTF8.self))), depth: 1)
        brackets.append(Bracket(piece: piece, image: image, mention: mention, delimiterBottom: delimiterTail))
    }

    private mutating func closeBracket(at index: Int) -> Int {
        guard let bracket = brackets.last else {
            pendingText.append(UInt8(ascii: "]"))
            return index + 1
        }
        let active = bracket.image || brackets.count - 1 >= linkFloor
        guard active, let (destination, title, end) = linkTail(from: index + 1) else {
            popBracket()
            pendingText.append(UInt8(ascii: "]"))
            return index + 1
        }
        flushText()
        processEmphasis(bottom: bracket.delimiterBottom)
        let (children, childDepth) = takeAll(after: bracket.piece)
        popBracket()
        let node: MarkdownInline
        var nodeDepth = 1
        if bracket.image {
            node = .image(MarkdownImage(source: destination, alt: MarkdownInline.plainText(children).replacingLineBreaks(with: " "), title: title))
        } else if let mention = MarkdownMention(destination: destination, name: MarkdownInline.plainText(children).replacingLineBreaks(with: " ")) {
            node = .mention(mention)
        } else if childDepth + 1 <= Self.maximumDepth {
            node = .link(MarkdownLink(destination: destination, title: title, content: children))
            nodeDepth = childDepth + 1
        } else {
            node = .link(MarkdownLink(destination: destination, title: title, content: [.text(MarkdownInline.plainText(children))]))
            nodeDepth = 2
        }
        if bracket.mention, case .mention = node {
            pieces[bracket.piece] = .inline(node)
        } else if bracket.mention {
            pieces[bracket.piece] = .inline(.text("@"))
            appendPiece(.inline(node), depth: nodeDepth)
        } else {
            pieces[bracket.piece] = .inline(node)
            depth[bracket.piece] = nodeDepth
        }
        if !bracket.image { linkFloor = brackets.count }
        return end
    }

    private mutating func popBracket() {
        brackets.removeLast()
        linkFloor = min(linkFloor, brackets.count)
    }

    /// An inline link tail `(destination "title")` starting at `index`: the decoded destination and title
    /// and the index after `)`.
    private mutating func linkTail(from index: Int) -> (String, String?, Int)? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "(") else { return nil }
        var cursor = skipLinkWhitespace(index + 1)
        var destination: [UInt8] = []
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "<") {
            cursor += 1
            while true {
                guard cursor < bytes.count, bytes[cursor] != 0x0A, bytes[cursor] != UInt8(ascii: "<") else { return nil }
                if bytes[cursor] == UInt8(ascii: ">") {
                    cursor += 1
                    break
                }
                if bytes[cursor] == UInt8(ascii: "\\"), cursor + 1 < bytes.count, ByteClass.isPunctuation(bytes[cursor + 1]) { cursor += 1 }
                cursor += appendResolving(at: cursor, to: &destination)
            }
        } else {
            var parentheses = 0
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if byte <= 0x20 { break }
                if byte == UInt8(ascii: "\\"), cursor + 1 < bytes.count, ByteClass.isPunctuation(bytes[cursor + 1]) {
                    destination.append(bytes[cursor + 1])
                    cursor += 2
                    continue
                }
                if byte == UInt8(ascii: "(") {
                    parentheses += 1
                    if parentheses > 32 { return nil }
                } else if byte == UInt8(ascii: ")") {
                    if parentheses == 0 { break }
                    parentheses -= 1
                }
                cursor += appendResolving(at: cursor, to: &destination)
            }
            guard parentheses == 0 else { return nil }
        }
        let afterDestination = cursor
        cursor = skipLinkWhitespace(cursor)
        var title: String?
        if cursor < bytes.count, cursor > afterDestination || destination.isEmpty,
           let closer = Self.titleCloser(bytes[cursor]) {
            guard let end = findTitleEnd(closer, from: cursor + 1) else { return nil }
            title = MarkdownBlockParser.resolvingEscapes(bytes[(cursor + 1)..<end])
            cursor = skipLinkWhitespace(end + 1)
        }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ")") else { return nil }
        return (String(decoding: destination, as: UTF8.self), title, cursor + 1)
    }

    /// Appends the byte at `index`, or the character a reference there stands for; returns the bytes used.
    private func appendResolving(at index: Int, to output: inout [UInt8]) -> Int {
        if bytes[index] == UInt8(ascii: "&"), let (decoded, length) = HTMLEntities.reference(in: bytes[...], at: index) {
            output.append(contentsOf: decoded.utf8)
            return length
        }
        output.append(bytes[index])
        return 1
    }

    private static func titleCloser(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "'"): UInt8(ascii: "'")
        case UInt8(ascii: "("): UInt8(ascii: ")")
        default: nil
        }
    }

    /// The next unescaped `closer` at or after `start`, remembering the answer so that repeated searches
    /// over the same stretch stay linear.
    private mutating func findTitleEnd(_ closer: UInt8, from start: Int) -> Int? {
        if let search = closerSearches[closer], start >= search.from, search.found.map({ start <= $0 }) ?? true {
            return search.found
        }
        var cursor = start
        var found: Int?
        while cursor < bytes.count {
            if bytes[cursor] == UInt8(ascii: "\\") {
                cursor += 2
                continue
            }
            if bytes[cursor] == closer {
                found = cursor
                break
            }
            cursor += 1
        }
        closerSearches[closer] = (start, found)
        return found
    }

    private func skipLinkWhitespace(_ index: Int) -> Int {
        var cursor = index
        var newlines = 0
        while cursor < bytes.count, ByteClass.isWhitespace(bytes[cursor]) {
            if bytes[cursor] == 0x0A {
                newlines += 1
                if newlines > 1 { break }
            }
            cursor += 1
        }
        return cursor
    }

    static func isAbsoluteURI(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        guard index < bytes.endIndex, ByteClass.isLetter(bytes[index]) else { return false }
        index += 1
        while index < bytes.endIndex, index - bytes.startIndex < 32,
              ByteClass.isLetter(bytes[index]) || ByteClass.isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "+")
              || bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        let schemeLength = index - bytes.startIndex
        return schemeLength >= 2 && index < bytes.endIndex && bytes[index] == UInt8(ascii: ":")
            && !bytes.contains(where: { $0 <= 0x20 || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") })
    }

    private static func isEmailAddress(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > bytes.startIndex, at + 1 < bytes.endIndex else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        let localOK = local.allSatisfy { ByteClass.isLetter($0) || ByteClass.isDigit($0) || ".!#$%&'*+/=?^_`{|}~-".utf8.contains($0) }
        let domainOK = domain.allSatisfy { ByteClass.isLetter($0) || ByteClass.isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
        return localOK && domainOK && domain.contains(UInt8(ascii: "."))
    }

    // MARK: Emphasis

    /// CommonMark's "process emphasis" over the delimiters above `bottom` (a piece index, or -1 for all).
    private mutating func processEmphasis(bottom: Int) {
        var openersBottom = [Int](repeating: bottom, count: 36)
        var closer = bottom >= 0 ? delimiterNext[bottom] : delimiterHead
        while closer >= 0 {
            guard case .delimiter(var closing) = pieces[closer], closing.canClose else {
                closer = delimiterNext[closer]
                continue
            }
            let key = closing.kind.rawValue * 6 + (closing.canOpen ? 3 : 0) + closing.original % 3
            var opener = delimiterPrevious[closer]
            var found = false
            while opener >= 0, opener != bottom, opener != openersBottom[key] {
                if case .delimiter(let opening) = pieces[opener], opening.kind == closing.kind, opening.canOpen,
                   !Self.oddMatch(opening, closing) {
                    found = true
                    break
                }
                opener = delimiterPrevious[opener]
            }
            guard found, case .delimiter(var opening) = pieces[opener] else {
                openersBottom[key] = delimiterPrevious[closer]
                let following = delimiterNext[closer]
                if !closing.canOpen { unlistDelimiter(closer) }
                closer = following
                continue
            }
            let used: Int = switch closing.kind {
            case .asterisk, .underscore: opening.count >= 2 && closing.count >= 2 ? 2 : 1
            case .tilde: 2
            case .htmlStrong, .htmlEmphasis, .htmlStrike: 1
            }
            opening.count -= used
            closing.count -= used
            pieces[opener] = .delimiter(opening)
            pieces[closer] = .delimiter(closing)
            wrap(after: opener, before: closer, kind: closing.kind, used: used)
            if opening.count == 0 { removePiece(opener) }
            if closing.count == 0 {
                let following = delimiterNext[closer]
                removePiece(closer)
                closer = following
            }
        }
        var delimiter = bottom >= 0 ? delimiterNext[bottom] : delimiterHead
        while delimiter >= 0 {
            let following = delimiterNext[delimiter]
            unlistDelimiter(delimiter)
            delimiter = following
        }
    }

    private static func oddMatch(_ opener: Delimiter, _ closer: Delimiter) -> Bool {
        guard opener.kind == .asterisk || opener.kind == .underscore else { return false }
        return (opener.canClose || closer.canOpen) && (opener.original + closer.original) % 3 == 0
            && !(opener.original % 3 == 0 && closer.original % 3 == 0)
    }

    /// Wraps the pieces strictly between two matched delimiters into one formatting node, or into a
    /// flattened segment when the node would nest too deeply.
    private mutating func wrap(after opener: Int, before closer: Int, kind: DelimiterKind, used: Int) {
        var maximum = 0
        var piece = next[opener]
        while piece != closer {
            maximum = max(maximum, depth[piece])
            if listed[piece] { unlistDelimiter(piece) }
            piece = next[piece]
        }
        guard next[opener] != closer else { return }
        if maximum + 1 <= Self.maximumDepth {
            let children = take(after: opener, before: closer)
            let node: MarkdownInline = switch kind {
            case .asterisk, .underscore: used == 2 ? .strong(children) : .emphasis(children)
            case .htmlStrong: .strong(children)
            case .htmlEmphasis: .emphasis(children)
            case .tilde, .htmlStrike: .strikethrough(children)
            }
            insertPiece(.inline(node), depth: maximum + 1, after: opener)
        } else {
            let first = next[opener]
            let last = previous[closer]
            next[opener] = closer
            previous[closer] = opener
            previous[first] = -1
            next[last] = -1
            insertPiece(.segment(first: first, last: last), depth: Self.maximumDepth, after: opener)
        }
    }

    // MARK: Pieces

    @discardableResult
    private mutating func appendPiece(_ piece: Piece, depth pieceDepth: Int) -> Int {
        let index = pieces.count
        pieces.append(piece)
        depth.append(pieceDepth)
        next.append(-1)
        previous.append(tail)
        delimiterNext.append(-1)
        delimiterPrevious.append(-1)
        listed.append(false)
        if tail >= 0 { next[tail] = index } else { head = index }
        tail = index
        return index
    }

    private mutating func insertPiece(_ piece: Piece, depth pieceDepth: Int, after anchor: Int) {
        let following = next[anchor]
        let index = pieces.count
        pieces.append(piece)
        depth.append(pieceDepth)
        next.append(following)
        previous.append(anchor)
        delimiterNext.append(-1)
        delimiterPrevious.append(-1)
        listed.append(false)
        next[anchor] = index
        if following >= 0 { previous[following] = index } else { tail = index }
    }

    private mutating func removePiece(_ index: Int) {
        if listed[index] { unlistDelimiter(index) }
        let before = previous[index]
        let after = next[index]
        if before >= 0 { next[before] = after } else { head = after }
        if after >= 0 { previous[after] = before } else { tail = before }
        pieces[index] = .removed
    }

    private mutating func unlistDelimiter(_ index: Int) {
        guard listed[index] else { return }
        listed[index] = false
        let before = delimiterPrevious[index]
        let after = delimiterNext[index]
        if before >= 0 { delimiterNext[before] = after } else { delimiterHead = after }
        if after >= 0 { delimiterPrevious[after] = before } else { delimiterTail = before }
    }

    private mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        appendPiece(.inline(.text(String(decoding: pendingText, as: UTF8.self))), depth: 1)
        pendingText.removeAll(keepingCapacity: true)
    }

    /// Removes and returns every piece after `anchor` (-1: all pieces), with their deepest nesting.
    private mutating func takeAll(after anchor: Int) -> (inlines: [MarkdownInline], depth: Int) {
        flushText()
        let first = anchor >= 0 ? next[anchor] : head
        guard first >= 0 else { return ([], 0) }
        var maximum = 0
        var piece = first
        while piece >= 0 {
            maximum = max(maximum, depth[piece])
            if listed[piece] { unlistDelimiter(piece) }
            piece = next[piece]
        }
        return (take(after: anchor, before: -1), maximum)
    }

    /// Detaches the pieces strictly between `anchor` (-1: the head) and `end` (-1: the tail) and turns them
    /// into inlines, expanding segments iteratively.
    private mutating func take(after anchor: Int, before end: Int) -> [MarkdownInline] {
        let first = anchor >= 0 ? next[anchor] : head
        guard first >= 0, first != end else { return [] }
        let last = end >= 0 ? previous[end] : tail
        if anchor >= 0 { next[anchor] = end } else { head = end }
        if end >= 0 { previous[end] = anchor } else { tail = anchor }
        var output: [MarkdownInline] = []
        var text = ""
        var stack: [(piece: Int, last: Int)] = [(first, last)]
        while let (start, stop) = stack.popLast() {
            var piece = start
            while piece >= 0 {
                let current = piece
                piece = current == stop ? -1 : next[current]
                switch pieces[current] {
                case .inline(.text(let value)):
                    text += value
                case .inline(let inline):
                    if !text.isEmpty {
                        output.append(.text(text))
                        text = ""
                    }
                    output.append(inline)
                case .delimiter(let delimiter):
                    if delimiter.count > 0 {
                        text += delimiter.kind.isHTML ? delimiter.literal : String(delimiter.literal.prefix(delimiter.count))
                    }
                case .segment(let segmentFirst, let segmentLast):
                    if piece >= 0 { stack.append((piece, stop)) }
                    stack.append((segmentFirst, segmentLast))
                    piece = -1
                case .removed:
                    break
                }
                pieces[current] = .removed
            }
        }
        if !text.isEmpty { output.append(.text(text)) }
        return output
    }

    // MARK: Bare URLs

    /// GFM's extended autolinks: `http://` and `https://` addresses in text outside links become links.
    private static func linkingBareURLs(_ inlines: [MarkdownInline], depth: Int) -> [MarkdownInline] {
        guard depth < maximumDepth else { return inlines }
        var output: [MarkdownInline] = []
        for inline in inlines {
            switch inline {
            case .text(let text) where text.utf8.contains(UInt8(ascii: ":")):
                output.append(contentsOf: linkingBareURLs(in: text))
            case .emphasis(let children), .strong(let children), .strikethrough(let children):
                output.append(inline.withChildren(linkingBareURLs(children, depth: depth + 1)))
            default:
                output.append(inline)
            }
        }
        return output
    }

    private static func linkingBareURLs(in text: String) -> [MarkdownInline] {
        let bytes = Array(text.utf8)
        var output: [MarkdownInline] = []
        var textStart = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "h"), index == 0 || !ByteClass.isWordCharacter(bytes[index - 1]),
                  let end = bareURLEnd(bytes, from: index)
            else {
                index += 1
                continue
            }
            if textStart < index { output.append(.text(String(decoding: bytes[textStart..<index], as: UTF8.self))) }
            let url = String(decoding: bytes[index..<end], as: UTF8.self)
            output.append(.link(MarkdownLink(destination: url, content: [.text(url)])))
            textStart = end
            index = end
        }
        if textStart == 0 { return [.text(text)] }
        if textStart < bytes.count { output.append(.text(String(decoding: bytes[textStart...], as: UTF8.self))) }
        return output
    }

    private static func bareURLEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        let slice = bytes[start...]
        let schemeLength: Int
        if slice.hasPrefixIgnoringCase("https://") {
            schemeLength = 8
        } else if slice.hasPrefixIgnoringCase("http://") {
            schemeLength = 7
        } else {
            return nil
        }
        var end = start + schemeLength
        while end < bytes.count, !ByteClass.isWhitespace(bytes[end]), bytes[end] != UInt8(ascii: "<") { end += 1 }
        while end > start + schemeLength {
            let last = bytes[end - 1]
            if "?!.,:*_~'\";".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")") {
                let url = bytes[start..<end]
                let opening = url.count(where: { $0 == UInt8(ascii: "(") })
                let closing = url.count(where: { $0 == UInt8(ascii: ")") })
                guard closing > opening else { break }
                end -= 1
            } else {
                break
            }
        }
        return end > start + schemeLength ? end : nil
    }
}
