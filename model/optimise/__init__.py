"""The mixed-integer model and its solution: formulation, HiGHS wrapper, stage driver, pool decomposition, diagnosis solves. The only package that imports pyomo or highspy."""
