#pragma once

// GStreamer helpers for this room's .cpp files (never include from a public header).

#include <gst/gst.h>

#include <QString>

#include <memory>

namespace encore::gst {

// gst_init once per process, from any thread.
void ensureInitialized();

struct ObjectUnref {
    void operator()(gpointer object) const {
        if (object)
            gst_object_unref(object);
    }
};
template <typename T>
using Ptr = std::unique_ptr<T, ObjectUnref>;

QString uriOf(const QString& path);
// A one-line reason from a GError (never empty).
QString reason(const GError* error);
// Why a file cannot be decoded, from GStreamer's error: "its format is not recognised" for
// what is not audio or is damaged, else GStreamer's own words.
QString decodeReason(const GError* error);

}  // namespace encore::gst
