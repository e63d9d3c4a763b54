#pragma once
int helper(long);
