package io.chameleon.pgsource;

/** One statement the post-data step runs on the target, and what it builds (for warnings). */
record Step(String what, String sql) {}
