#pragma once

// Errors as values for the Qt-free recommender core (the Qt side turns them into encore::Error).

#include <optional>
#include <string>
#include <utility>

namespace encore::reco {

// One sentence a person can read: names the file or field and what to do.
struct Failure {
    std::string message;
};

// Either a T or a Failure.
template <typename T>
class Expected {
public:
    Expected(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
    Expected(Failure failure) : error_(std::move(failure.message)) {}  // NOLINT

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *value_; }
    T& value() & { return *value_; }
    T&& value() && { return std::move(*value_); }
    const T* operator->() const { return &*value_; }
    T* operator->() { return &*value_; }
    const std::string& error() const { return error_; }

private:
    std::optional<T> value_;
    std::string error_;
};

template <>
class Expected<void> {
public:
    Expected() = default;
    Expected(Failure failure) : ok_(false), error_(std::move(failure.message)) {}  // NOLINT

    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const std::string& error() const { return error_; }

private:
    bool ok_ = true;
    std::string error_;
};

using CoreStatus = Expected<void>;

}  // namespace encore::reco
