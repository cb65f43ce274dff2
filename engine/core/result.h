#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace encore {

// An error a user can read: one sentence that names the file or field and what to do.
struct Error {
    QString message;
};

// Errors are values at room boundaries: either a T or an Error.
template <typename T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}              // NOLINT: implicit on purpose
    Result(Error error) : error_(std::move(error.message)) {}  // NOLINT

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *value_; }
    T& value() & { return *value_; }
    T&& value() && { return std::move(*value_); }
    const T* operator->() const { return &*value_; }
    T* operator->() { return &*value_; }
    const QString& error() const { return error_; }

private:
    std::optional<T> value_;
    QString error_;
};

template <>
class Result<void> {
public:
    Result() = default;
    Result(Error error) : ok_(false), error_(std::move(error.message)) {}  // NOLINT

    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const QString& error() const { return error_; }

private:
    bool ok_ = true;
    QString error_;
};

using Status = Result<void>;

}  // namespace encore
