// `article-reader commonmark FILE|-`: Markdown as the CommonMark spec's plain HTML.
#pragma once

namespace reader::cli {

// argv[1] is "commonmark". Returns the process's exit status.
int run_commonmark(int argc, char** argv);

}  // namespace reader::cli
