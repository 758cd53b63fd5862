//! Component tests: server-side rendering to a string (no browser).
