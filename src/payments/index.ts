export * from './emv-tlv';
export * from './payment-reference';
export * from './payment-text';
export * from './tender-payment';
export * from './transfer-matching';
export * from './vietqr';
