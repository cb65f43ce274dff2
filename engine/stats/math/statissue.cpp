#include "stats/math/statissue.h"

namespace encore::stats {

const char* issueName(StatIssue issue) {
    switch (issue) {
        case StatIssue::None:
            return "ok";
        case StatIssue::Empty:
            return "no data";
        case StatIssue::TooFew:
            return "too few observations";
        case StatIssue::OneGroup:
            return "fewer than two groups";
        case StatIssue::AllTied:
            return "all values equal";
        case StatIssue::InvalidInput:
            return "invalid input";
        case StatIssue::NotConverged:
            return "did not converge";
        case StatIssue::Singular:
            return "singular system";
        case StatIssue::Separation:
            return "outcome perfectly predicted (separation)";
    }
    return "unknown";
}

}  // namespace encore::stats
