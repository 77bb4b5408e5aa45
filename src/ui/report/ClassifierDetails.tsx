import { useEffect, useRef } from 'react';
import type { ClassifierDetails } from '../../core/grading/report';

export function ClassifierDetailsView({ details }: { details: ClassifierDetails }) {
  const { classNames, confusion, perClassAccuracy, worst } = details;
  const max = Math.max(1, ...confusion.flat());
  return (
    <div className="details">
      <h3>Confusion matrix</h3>
      <div className="table-scroll">
        <table className="confusion">
          <caption>Rows: actual class · columns: predicted class</caption>
          <thead>
            <tr>
              <th scope="col">actual \ predicted</th>
              {classNames.map((n) => (
                <th key={n} scope="col">
                  {n}
                </th>
              ))}
              <th scope="col">accuracy</th>
            </tr>
          </thead>
          <tbody>
            {confusion.map((row, a) => (
              <tr key={a}>
                <th scope="row">{classNames[a] ?? a}</th>
                {row.map((count, p) => (
                  <td
                    key={p}
                    className={a === p ? 'diag' : count > 0 ? 'off' : ''}
                    style={{ ['--heat' as string]: String(count / max) }}
                  >
                    {count}
                  </td>
                ))}
                <td>{perClassAccuracy[a] === undefined ? '—' : `${(perClassAccuracy[a]! * 100).toFixed(1)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {worst.length > 0 && (
        <>
          <h3>Most confidently wrong</h3>
          <ul className="worst">
            {worst.map((w) => (
              <li key={w.index}>
                {w.image && <Thumb image={w.image} label={`Test example ${w.index}`} />}
                {w.text !== undefined && <blockquote>{w.text}</blockquote>}
                <span>
                  actual <strong>{classNames[w.actual] ?? w.actual}</strong>, predicted <strong>{classNames[w.predicted] ?? w.predicted}</strong> (
                  {(w.confidence * 100).toFixed(0)}%)
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Thumb({ image, label }: { image: NonNullable<ClassifierDetails['worst'][number]['image']>; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const { width, height, channels, pixels } = image;
    const data = ctx.createImageData(width, height);
    // Pixels may be 0–1 floats or 0–255 bytes depending on the drill's preprocessing.
    const scale = pixels.some((v) => v > 1) ? 1 : 255;
    for (let i = 0; i < width * height; i++) {
      const r = pixels[i * channels] ?? 0;
      const g = channels >= 3 ? (pixels[i * channels + 1] ?? 0) : r;
      const b = channels >= 3 ? (pixels[i * channels + 2] ?? 0) : r;
      data.data[i * 4] = r * scale;
      data.data[i * 4 + 1] = g * scale;
      data.data[i * 4 + 2] = b * scale;
      data.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(data, 0, 0);
  }, [image]);
  return <canvas ref={canvas} className="thumb" width={image.width} height={image.height} role="img" aria-label={label} />;
}
