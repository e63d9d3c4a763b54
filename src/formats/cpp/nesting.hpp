// Clang's parser recurses once per nested template argument list (`W<W<W<...>>>`), with no
// limit of its own on angle brackets: 5,000 levels overflowed the parse thread's stack. Real
// headers nest a few dozen levels, so a declaration with more than kMaxAngles `<` is refused
// before clang sees it, and the parse runs on a stack large enough for that many.
#pragma once

#include <filesystem>
#include <string>

namespace breakwater::cpp {

inline constexpr size_t kMaxAngles = 10000;

// Throws InputError at the first `<` beyond kMaxAngles within one declaration (the text between
// two of `;`, `{`, `}`), comments and literals aside, in `text`, the text of `header`.
void refuse_deep_nesting(const std::string& text, const std::filesystem::path& header);

}  // namespace breakwater::cpp
