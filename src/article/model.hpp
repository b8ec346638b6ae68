// The article model: what every reader produces and every formatter consumes.
// Its JSON form (v1) is documented in docs/article-model.md; outside tools rely on those keys.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace reader {

enum class InlineType { text, emphasis, strong, code, link, image, line_break, strikethrough };

struct Inline {
    InlineType type = InlineType::text;
    std::string text;              // text, code: the characters; image: the alt text
    std::string url;               // link, image
    std::string title;             // link, image: optional tooltip ("" when absent)
    std::vector<Inline> children;  // emphasis, strong, strikethrough, link

    bool operator==(const Inline&) const = default;
};

enum class BlockType { paragraph, list, quote, code, rule, image, table };

struct Block;

struct ListItem {
    std::vector<Block> blocks;
    std::optional<bool> checked;  // a task list item: done or not; empty for an ordinary item

    bool operator==(const ListItem&) const = default;
};

struct Block {
    BlockType type = BlockType::paragraph;
    std::vector<Inline> inlines;   // paragraph
    std::vector<Block> blocks;     // quote
    std::vector<ListItem> items;   // list
    bool ordered = false;          // list
    int start = 1;                 // ordered list: first number
    std::string numbering;         // ordered list: "" (1, 2, 3), "lower-alpha", "upper-alpha"
    std::string text;              // code: verbatim text; image: alt text
    std::string lang;              // code: info string ("" when absent)
    std::string url;               // image
    std::string title;             // image
    // table: each column's alignment ("", "left", "center", "right"), the head row's cells and
    // the body rows' cells, each cell its inlines; every row has one cell per column.
    std::vector<std::string> align;
    std::vector<std::vector<Inline>> head;
    std::vector<std::vector<std::vector<Inline>>> rows;

    bool operator==(const Block&) const = default;
};

struct Stats {
    int words = 0;
    int minutes = 0;

    bool operator==(const Stats&) const = default;
};

struct Section {
    std::string id;       // stable, unique within the article (slug of the heading)
    std::string heading;
    int level = 2;        // 2..6; the title is level 1
    std::vector<Block> blocks;
    std::vector<Section> sections;
    Stats stats;          // of the heading, the blocks and the subsections

    bool operator==(const Section&) const = default;
};

// Something the reader judged to be page chrome rather than article: kept, never silently lost.
struct Dropped {
    std::string text;
    std::string reason;

    bool operator==(const Dropped&) const = default;
};

struct Article {
    std::string title;
    std::optional<std::string> subtitle;  // a standfirst or subhead under the title
    std::optional<std::string> byline;
    std::optional<std::string> date;
    std::optional<std::string> dateline;  // "TOKYO, March 3 (Reuters)": where and by whom; stays in the text too
    std::string lang = "en";
    std::string dir = "ltr";
    std::vector<Block> blocks;  // the lead: everything before the first section
    std::vector<Section> sections;
    std::vector<Dropped> dropped;
    Stats stats;

    bool operator==(const Article&) const = default;
};

}  // namespace reader
