#include "reports/training_pass.h"

#include "aftersales/care/care_metrics.h"

namespace aftersales::reports {

std::pair<std::int64_t, std::int64_t> training_pass(Context& ctx, Date from, Date to) {
  const CareMetrics metrics = care_metrics(ctx, from, to);
  return {metrics.pass_rate.numerator, metrics.pass_rate.denominator};
}

}  // namespace aftersales::reports
