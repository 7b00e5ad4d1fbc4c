package dev.ferry.number.domain;

/** The kinds of number Ferry distinguishes; libphonenumber's finer types fold into these. */
public enum NumberType {
    LOCAL,
    MOBILE,
    TOLL_FREE,
    OTHER
}
