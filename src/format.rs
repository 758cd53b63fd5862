//! Formatting of numbers for people: pounds, children, shares, months.
