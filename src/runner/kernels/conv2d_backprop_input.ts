import {
  backend_util,
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { conv2dBackpropInputGemm } from './conv2d_gemm_wasm';

/**
 * Stock wasm has this kernel, but as a naive C++ loop: in a small MNIST-sized
 * conv net it took longer than the whole forward pass. The GEMM form is
 * several times faster. NCHW input goes to the stock kernel.
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
    return conv2dBackpropInputGemm(backend as Parameters<typeof conv2dBackpropInputGemm>[0], dy, filter, info);
  };
}

export function conv2dBackpropInputWasmConfig(stock?: KernelConfig): KernelConfig {
  return { kernelName: Conv2DBackpropInput, backendName: 'wasm', kernelFunc: makeKernelFunc(stock) };
}
