#pragma once

// What every fuzz target of tests/fuzz shares: quiet Qt messages and a file holding the input.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>

namespace encore::fuzz {

// Parsers warn about bad input by design; a million warnings would drown the fuzzer's output.
inline void silenceQtMessages() {
    static const bool once = [] {
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString&) {});
        return true;
    }();
    (void)once;
}

inline QByteArray bytesOf(const uint8_t* data, size_t size) {
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

// The input as a file named `name` in a folder kept for the process (readers that take a path).
inline QString writeInput(const QByteArray& bytes, const QString& name) {
    static QTemporaryDir folder;
    const QString path = folder.filePath(name);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("fuzz: cannot write %s", qPrintable(path));
    out.write(bytes);
    return path;
}

}  // namespace encore::fuzz
