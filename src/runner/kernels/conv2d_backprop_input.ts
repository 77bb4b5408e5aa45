import {
  backend_util,
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { conv2dBackpropInputGemm } from './conv2d_gemm_wasm';
import { conv2dBackpropInputAsConv } from './conv2d_grads_as_conv';

/**
 * Stock wasm has this kernel, but as a naive C++ loop: in a small MNIST-sized
 * conv net it took longer than the whole forward pass. The GEMM form is
 * several times faster, and as a Conv2D (stride 1: ./conv2d_grads_as_conv.ts)
 * faster still and on every thread. NCHW input goes to the stock kernel.
 */
function makeKernelFunc(stock: KernelConfig | undefined): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const dy = inputs.dy as TensorInfo;
    const filter = inputs.filter as TensorInfo;
    const a = attrs as unknown as Conv2DBackpropInputAttrs;
    const dataFormat = backend_util.convertConv2DDataFormat(a.dataFormat);
    if (dataFormat !== 'channelsLast') {
      if (!stock) throw new Error('Conv2DBackpropInput on wasm: only NHWC is supported.');
      return stock.kernelFunc(args);
    }
    const info = backend_util.computeConv2DInfo(
      a.inputShape,
      filter.shape as [number, number, number, number],
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
      false,
      dataFormat,
    );
    const wasm = backend as Parameters<typeof conv2dBackpropInputGemm>[0];
    return conv2dBackpropInputAsConv(wasm, dy, filter, info) ?? conv2dBackpropInputGemm(wasm, dy, filter, info);
  };
}

export function conv2dBackpropInputWasmConfig(stock?: KernelConfig): KernelConfig {
  // The stock kernel's setupFunc stays: it binds the C++ function its NCHW path calls.
  return { ...stock, kernelName: Conv2DBackpropInput, backendName: 'wasm', kernelFunc: makeKernelFunc(stock) };
}
