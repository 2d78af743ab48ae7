#!/usr/bin/env python3
"""Writes tests/fixtures/models/smoke-gemm.onnx: y = relu(x @ W + b), x float32 [N, 4] -> y [N, 3].

Tiny, fixed weights, so a test can check the native ONNX Runtime loads and computes on a fresh machine.
Run with Debian's python3-onnx: /usr/bin/python3 tools/make-smoke-model.py
"""
import os
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

W = np.arange(12, dtype=np.float32).reshape(4, 3) / 10 - 0.5
B = np.array([0.1, -0.2, 0.3], dtype=np.float32)

graph = helper.make_graph(
    [helper.make_node("MatMul", ["x", "W"], ["xw"]),
     helper.make_node("Add", ["xw", "B"], ["pre"]),
     helper.make_node("Relu", ["pre"], ["y"])],
    "smoke_gemm",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 3])],
    [numpy_helper.from_array(W, "W"), numpy_helper.from_array(B, "B")])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="omnictx-tools")
model.ir_version = 8
onnx.checker.check_model(model)
out = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "models", "smoke-gemm.onnx")
onnx.save(model, out)
x = np.array([[1, 2, 3, 4], [-1, 0, 1, 0]], dtype=np.float32)
print("expected y for x=[[1,2,3,4],[-1,0,1,0]]:", np.maximum(x @ W + B, 0).tolist())
