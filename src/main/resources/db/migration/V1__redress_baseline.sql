-- Baseline of schema redress. Flyway creates the schemas engine and redress itself
-- (spring.flyway.create-schemas); feature tables arrive in later migrations, prefixed by module.
SELECT 1;
