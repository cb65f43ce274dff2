#pragma once

#include <QtGlobal>

#include <atomic>

namespace encore {

// Cancels queued jobs as well as the running one. A job takes a ticket when it is queued;
// cancelAll() covers every ticket issued so far, so a job that was waiting in the worker's queue
// when the cancel came starts cancelled instead of resetting a shared flag and running.
class CancelTickets {
public:
    // Any thread, when the job is queued.
    quint64 issue() { return issued_.fetch_add(1) + 1; }

    // Any thread: the running job stops at its next check, the queued ones never start.
    void cancelAll() {
        cancelled_through_.store(issued_.load());
        running_.store(true);
    }

    // On the worker as the job starts (ticket 0: issued now). False: cancelled before it began.
    bool begin(quint64 ticket) {
        if (ticket == 0)
            ticket = issue();
        running_.store(false);
        if (ticket <= cancelled_through_.load()) {
            running_.store(true);
            return false;
        }
        return true;
    }

    // The running job's flag, for code that polls a std::atomic<bool>.
    const std::atomic<bool>& running() const { return running_; }

private:
    std::atomic<quint64> issued_{0};
    std::atomic<quint64> cancelled_through_{0};
    std::atomic<bool> running_{false};
};

}  // namespace encore
