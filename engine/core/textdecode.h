#pragma once

#include <QByteArray>
#include <QString>

namespace encore {

// Text files written by other programs (CUE sheets, .lrc lyrics): UTF-8 with or without a
// byte-order mark, UTF-16 with one, or else Windows-1252 (what Windows tools write on Western
// systems). `encoding` says which was read.
QString decodeForeignText(const QByteArray& bytes, QString* encoding = nullptr);

}  // namespace encore
