export { cn } from './cn';
export { Button, buttonClasses, type TButtonProps, type TButtonVariant, type TButtonSize } from './button';
export { Card, CardHeader, CardTitle, CardBody } from './card';
export { StatCard, type TStatCardProps } from './stat-card';
export { EmptyState, type TEmptyStateProps } from './empty-state';
export { Input, type TInputProps } from './input';
export { Label } from './label';
