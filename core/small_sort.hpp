// Insertion sort for the core's short lists (a day's slots, two weeks of
// dates, a few picks): std::sort's introsort costs kilobytes of WebAssembly
// per element type, and these lists never hold more than a few dozen items.
#pragma once

#include <utility>

namespace booking {

template <typename It, typename Less>
void small_sort(It first, It last, Less less) {
  if (first == last) return;
  for (It i = first + 1; i != last; ++i) {
    auto value = std::move(*i);
    It j = i;
    for (; j != first && less(value, *(j - 1)); --j) *j = std::move(*(j - 1));
    *j = std::move(value);
  }
}

template <typename It>
void small_sort(It first, It last) {
  small_sort(first, last, [](const auto& a, const auto& b) { return a < b; });
}

}  // namespace booking
