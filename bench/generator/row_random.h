// Deterministic pseudo-random numbers for the generator: one independent stream per (seed,
// entity, row), so row i of a dataset is the same whatever --rows says, and another dataset can
// recompute it (a ticket finds its unit's serial and ship date without reading the units file).
// SplitMix64 (Steele, Lea, Flood 2014): small, fast, and identical on every platform. Never
// seeded from a clock or std::random_device: the same arguments give the same bytes.
#pragma once

#include <cstddef>
#include <cstdint>

namespace aftersales::bench {

// The streams: one per entity, so that customers row 7 and units row 7 are unrelated.
enum class Stream : std::uint64_t { kCustomer = 1, kModel = 2, kUnit = 3, kTicket = 4 };

// A finalizer that spreads every input bit over the output (SplitMix64's mix).
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class RowRandom {
 public:
  RowRandom(std::uint64_t seed, Stream stream, std::uint64_t row)
      : state_(mix64(mix64(seed + static_cast<std::uint64_t>(stream) * kGolden) + row)) {}

  // The next 64 random bits.
  std::uint64_t next() {
    state_ += kGolden;
    return mix64(state_);
  }

  // A number in [0, n); n > 0. Multiply-shift (Lemire) without rejection: the bias (< n / 2^64)
  // does not matter here and every platform gives the same answer.
  std::uint64_t below(std::uint64_t n) {
    __extension__ using Wide = unsigned __int128;  // GCC and Clang; __extension__: no -Wpedantic
    return static_cast<std::uint64_t>((static_cast<Wide>(next()) * n) >> 64);
  }

  // A number in [low, high], both inclusive; low <= high.
  std::int64_t between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low) + 1));
  }

  // True with the given chance in percent (0..100).
  bool percent(int chance) { return below(100) < static_cast<std::uint64_t>(chance); }

  // One element of a C array, uniformly.
  template <typename T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(N)];
  }

 private:
  static constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;
  std::uint64_t state_;
};

// An entry of a weighted list: `value` is picked `weight` times as often as a weight of 1.
template <typename T>
struct Weighted {
  T value;
  int weight;
};

// One value of a weighted list; the weights add up to more than 0.
template <typename T, std::size_t N>
const T& pick_weighted(RowRandom& random, const Weighted<T> (&items)[N]) {
  int total = 0;
  for (const auto& item : items) total += item.weight;
  auto target = static_cast<int>(random.below(static_cast<std::uint64_t>(total)));
  for (const auto& item : items) {
    if (target < item.weight) return item.value;
    target -= item.weight;
  }
  return items[N - 1].value;
}

}  // namespace aftersales::bench
