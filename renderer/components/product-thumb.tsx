import { useState } from 'react';
import { productInitials } from '../../src/product-images';
import { useProductImage } from '../data/product-image-shelf';

/**
 * A product's picture on a search result or quick key: its image when the register holds one,
 * else (or when the image will not decode) a tile with the product's initials. Decorative: the
 * button beside it already says the name, so screen readers skip it.
 */
export function ProductThumb(props: { sku: string; name: string }) {
  const url = useProductImage(props.sku);
  const [broken, setBroken] = useState<string | null>(null);
  if (url && broken !== url) {
    return (
      <img
        className="product-thumb"
        data-testid="product-image"
        src={url}
        alt=""
        aria-hidden="true"
        width={40}
        height={40}
        decoding="async"
        draggable={false}
        onError={() => setBroken(url)}
      />
    );
  }
  return (
    <span className="product-thumb placeholder" data-testid="product-initials" aria-hidden="true">
      {productInitials(props.name)}
    </span>
  );
}
