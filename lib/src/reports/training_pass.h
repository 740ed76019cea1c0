// The training pass rate of a span from care_metrics, as two integers: care_metrics.h and
// visits.h each define a different aftersales::Ratio, so no one file may include both.
#pragma once

#include <cstdint>
#include <utility>

#include "aftersales/core/context.h"

namespace aftersales::reports {

// Units with a passed handover training over units trained, the days from `from` to `to`.
std::pair<std::int64_t, std::int64_t> training_pass(Context& ctx, Date from, Date to);

}  // namespace aftersales::reports
