DROP INDEX "login_attempts_email_at_idx";--> statement-breakpoint
ALTER TABLE "login_attempts" ALTER COLUMN "succeeded" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "login_attempts_ip_email_at_idx" ON "login_attempts" USING btree ("ip","email","at");