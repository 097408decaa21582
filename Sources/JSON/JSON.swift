// JSON values and a parser that reports line and column.
