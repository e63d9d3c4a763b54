#pragma once

namespace demo {

// One lexical token: its kind and its byte offset in the source.
struct Token {
  int kind;
  int offset;
};

Token next_token(const char* source, int offset);
bool is_keyword(Token token);

}  // namespace demo
