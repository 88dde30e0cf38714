#include "texts.hpp"

namespace booking {

std::string placeholder_list(PlaceholderSet s) {
  std::string out;
  for (std::size_t i = 0; i < kPlaceholderCount; ++i) {
    if (!contains(s, static_cast<Placeholder>(i))) continue;
    if (!out.empty()) out += ", ";
    out += '{';
    out += kPlaceholderNames[i];
    out += '}';
  }
  return out;
}

std::string explain(const TemplateProblem& problem, TextKey key) {
  using Kind = TemplateProblem::Kind;
  switch (problem.kind) {
    case Kind::none: return {};
    case Kind::empty: return "empty text";
    case Kind::lone_open: return "'{' without a placeholder name (write {{ for a literal {)";
    case Kind::lone_close: return "'}' without a matching '{' (write }} for a literal })";
    case Kind::unknown_placeholder:
      return "unknown placeholder {" + std::string(problem.name) + "} (this text can use " +
             placeholder_list(text_spec(key).allowed) + ")";
    case Kind::missing_placeholder: return "missing {" + std::string(problem.name) + "}";
  }
  return {};
}

std::string render_template(std::string_view t, const TextValues& values) {
  std::string out;
  out.reserve(t.size() + 32);
  while (!t.empty()) {
    const std::string_view before = t;
    const TemplatePiece piece = next_piece(t);
    if (piece.kind == TemplatePiece::Kind::placeholder) {
      const auto p = parse_placeholder(piece.text);
      if (const std::string_view* v = p ? values.get(*p) : nullptr) {
        out += *v;
        continue;
      }
      out += before.substr(0, before.size() - t.size());  // "{name}" as written
      continue;
    }
    out += piece.text;
  }
  return out;
}

}  // namespace booking
